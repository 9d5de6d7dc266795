-- Takes over relaying a chat's outbox (a sweep after a committer died, or another instance's leftovers).
-- KEYS[1] the outbox, KEYS[2] the relay claim; ARGV[1] claim token, ARGV[2] the claim's lifetime (ms).
-- Returns {'EMPTY'} | {'BUSY'} (another relay holds it) | {'CLAIMED', entries...}.
if redis.call('LLEN', KEYS[1]) == 0 then
  return {'EMPTY'}
end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'BUSY'}
end
local result = {'CLAIMED'}
for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  result[#result + 1] = entry
end
return result
