-- The Ready agents who serve one queue and the number of chats on each one's desk, in one round trip.
-- KEYS[1] the set of Ready agents; ARGV[1] the desk key prefix, ARGV[2] its suffix,
-- ARGV[3] the queue, ARGV[4] the default queue, ARGV[5] the user key prefix.
-- An agent serves the queues listed in their user document; one with none listed serves the default queue.
-- Returns a flat list: userId, load, userId, load, ...
local function serves(userId)
  local doc = redis.call('GET', ARGV[5] .. userId)
  local queues = doc and cjson.decode(doc).queues
  if type(queues) ~= 'table' or #queues == 0 then
    return ARGV[3] == ARGV[4]
  end
  for _, queue in ipairs(queues) do
    if queue == ARGV[3] then return true end
  end
  return false
end

local result = {}
for _, userId in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if serves(userId) then
    result[#result + 1] = userId
    result[#result + 1] = redis.call('SCARD', ARGV[1] .. userId .. ARGV[2])
  end
end
return result
