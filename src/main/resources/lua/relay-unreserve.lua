-- Gives back a desk place reserved for a commit that did not happen (it lost a race or failed a condition), unless
-- something else has replaced the reservation since.
-- KEYS[1] the agent's desk; ARGV[1] chat id, ARGV[2] the reservation's deadline as it was written.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
