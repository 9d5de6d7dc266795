-- Ends a NextChat monitoring that has brought its supervisor into a chat, unless the supervisor asked again
-- meanwhile (the stored monitoring is then another one, and stays).
-- KEYS[1] the agent's monitored-by hash; ARGV[1] the supervisor id, ARGV[2] the monitoring's JSON as it was loaded.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
