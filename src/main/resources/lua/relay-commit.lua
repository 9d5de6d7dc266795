-- A relayed commit (parley.redis.commit=relayed, a Redis Cluster): the chat's own change, all or nothing, in the
-- chat's hash slot only. What the decision writes elsewhere (notifications, desks, queue, timers) goes into the
-- chat's outbox as one entry, in commit order; relays apply each entry's steps, then drop it (relay-done.lua).
-- KEYS[1] the chat hash {v, doc, base}, KEYS[2] its transcript, KEYS[3] its outbox, KEYS[4] its relay claim.
-- ARGV: expected version (0: the chat must not exist yet), new document, base URL (kept from creation), the time
-- (ms) an ended chat's keys live on (0: not ended), a claim token, the claim's lifetime (ms), the outbox entry
-- ('' for none), then the count of transcript messages and the messages.
-- Returns {'CONFLICT', current version} | {'OK', new version, claimed (1/0), outbox entries...}: a committer that
-- got the claim relays every entry returned (earlier ones first); one that did not leaves its entry to the
-- claim's holder, who looks again before letting the claim go.
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then
  return {'CONFLICT', current}
end
local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 'doc', ARGV[2])
if current == 0 then
  redis.call('HSET', KEYS[1], 'base', ARGV[3])
end
local count = tonumber(ARGV[8])
for m = 9, 8 + count do
  redis.call('RPUSH', KEYS[2], ARGV[m])
end
if ARGV[7] ~= '' then
  redis.call('RPUSH', KEYS[3], ARGV[7])
end
local ttl = tonumber(ARGV[4])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
local result = {'OK', version, 0}
if redis.call('LLEN', KEYS[3]) > 0 and redis.call('SET', KEYS[4], ARGV[5], 'NX', 'PX', ARGV[6]) then
  result[3] = 1
  for _, entry in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
    result[#result + 1] = entry
  end
end
return result
