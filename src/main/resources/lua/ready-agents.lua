-- The Ready agents and the number of chats on each one's desk, in one round trip.
-- KEYS[1] the set of Ready agents; ARGV[1] the desk key prefix, ARGV[2] its suffix.
-- Returns a flat list: userId, load, userId, load, ...
local result = {}
for _, userId in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  result[#result + 1] = userId
  result[#result + 1] = redis.call('SCARD', ARGV[1] .. userId .. ARGV[2])
end
return result
