-- After a relay applied the steps of the first N entries of a chat's outbox: drops them, and either lets the claim
-- go (nothing left) or keeps it and returns what was committed meanwhile, for the same relay to go on with.
-- KEYS[1] the outbox, KEYS[2] the relay claim; ARGV[1] claim token, ARGV[2] N, ARGV[3] the claim's lifetime (ms).
-- Returns {'DONE'} | {'LOST'} (the claim lapsed and another relay took over: stop) | {'MORE', entries...}.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return {'LOST'}
end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[2]), -1)
if redis.call('LLEN', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[2])
  return {'DONE'}
end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
local result = {'MORE'}
for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  result[#result + 1] = entry
end
return result
