-- Sets an agent's chat channel state and keeps the set of Ready agents in step with it.
-- KEYS[1] the agent's channel state, KEYS[2] the Ready set; ARGV[1] the new state, ARGV[2] the user id,
-- ARGV[3] the value stored (the state, and a NotReady's reason code after a colon).
if ARGV[1] == 'LoggedOut' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[3])
end
if ARGV[1] == 'Ready' then
  redis.call('SADD', KEYS[2], ARGV[2])
else
  redis.call('SREM', KEYS[2], ARGV[2])
end
return 1
