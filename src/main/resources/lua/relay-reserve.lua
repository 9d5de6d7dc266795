-- Before a relayed commit: checks, in the agent's own hash slot, what the decision assumed about the agent, and
-- holds a place on the agent's desk for the chat until the commit's relayed 'track' confirms it (or it lapses,
-- if the committer died before committing).
-- KEYS[1] the agent's channel state, KEYS[2] the agent's desk (chat id -> '0' held, or a reservation's deadline).
-- ARGV[1] chat id, ARGV[2] '1' if the agent must be Ready, ARGV[3] the most chats the desk may hold (-1: any),
-- ARGV[4] '1' if the decision puts the chat on this desk, ARGV[5] the reservation's deadline (epoch ms).
-- Returns 'NOT_READY' | 'FULL' | 'HELD' (already on the desk: nothing reserved) | 'RESERVED' | 'CHECKED'.
if ARGV[2] == '1' and redis.call('GET', KEYS[1]) ~= 'Ready' then
  return 'NOT_READY'
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return 'HELD'
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local desk = redis.call('HGETALL', KEYS[2])
local load = 0
for i = 1, #desk, 2 do
  local deadline = tonumber(desk[i + 1])
  if deadline > 0 and deadline < now then
    redis.call('HDEL', KEYS[2], desk[i])
  else
    load = load + 1
  end
end
if tonumber(ARGV[3]) >= 0 and load >= tonumber(ARGV[3]) then
  return 'FULL'
end
if ARGV[4] ~= '1' then
  return 'CHECKED'
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
return 'RESERVED'
