-- The Ready agents who serve one queue and the number of chats on each one's desk, in one round trip.
-- KEYS[1] the set of Ready agents; ARGV[1] the user key prefix, ARGV[2] the user key suffix, ARGV[3] the desk
-- suffix, ARGV[4] the queue, ARGV[5] the default queue. Standalone Redis only: it reads keys of other hash slots.
-- An agent serves the queues listed in their user document; one with none listed serves the default queue.
-- Returns a flat list: userId, load, userId, load, ...
local function serves(userId)
  local doc = redis.call('GET', ARGV[1] .. userId .. ARGV[2])
  local queues = doc and cjson.decode(doc).queues
  if type(queues) ~= 'table' or #queues == 0 then
    return ARGV[4] == ARGV[5]
  end
  for _, queue in ipairs(queues) do
    if queue == ARGV[4] then return true end
  end
  return false
end

local result = {}
for _, userId in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if serves(userId) then
    result[#result + 1] = userId
    result[#result + 1] = redis.call('HLEN', ARGV[1] .. userId .. ARGV[2] .. ARGV[3])
  end
end
return result
