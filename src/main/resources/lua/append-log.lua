-- Appends one notification to a recipient's log and wakes the push instances, as commit.lua does for a chat's.
-- KEYS[1] the log; ARGV: notification JSON, log max length, log max age (ms), wake channel, recipient address,
-- the largest notification (bytes) a wake-up carries itself.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'n', ARGV[1])
local time = redis.call('TIME')
local oldest = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - tonumber(ARGV[3])
if tonumber(ARGV[3]) > 0 and oldest > 0 then redis.call('XTRIM', KEYS[1], 'MINID', '~', oldest) end
if #ARGV[1] <= tonumber(ARGV[6]) then
  redis.call('PUBLISH', ARGV[4], ARGV[5] .. ' ' .. id .. ' ' .. ARGV[1])
else
  redis.call('PUBLISH', ARGV[4], ARGV[5])
end
return id
