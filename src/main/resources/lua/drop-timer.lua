-- Drops a timer that fired for nothing, unless it was re-armed meanwhile for a later deadline.
-- KEYS[1] the timers sorted set; ARGV[1] the member, ARGV[2] now (ms).
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
