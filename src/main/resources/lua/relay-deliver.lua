-- A relayed step: appends one chat's notifications for one recipient to the recipient's log, once each, however
-- often the step is applied (a relay that died mid-way is repeated by the next). Wakes the push instances as
-- commit.lua does.
-- KEYS[1] the recipient's log, KEYS[2] the last sequence appended per chat (a hash, same hash slot).
-- ARGV: chat id, log max length, log max age (ms), wake channel, recipient address, the largest notification
-- (bytes) a wake-up carries itself, then pairs of (sequence, notification) in the chat's order.
local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local time = redis.call('TIME')
local oldest = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - tonumber(ARGV[3])
local carried = tonumber(ARGV[6])
local wake = {}
for i = 7, #ARGV, 2 do
  local sequence = tonumber(ARGV[i])
  if sequence > last then
    local note = ARGV[i + 1]
    local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'n', note)
    if tonumber(ARGV[3]) > 0 and oldest > 0 then redis.call('XTRIM', KEYS[1], 'MINID', '~', oldest) end
    last = sequence
    if #note <= carried then
      wake[#wake + 1] = ARGV[5] .. ' ' .. id .. ' ' .. note
    else
      wake[#wake + 1] = ARGV[5]
    end
  end
end
if #wake > 0 then
  redis.call('HSET', KEYS[2], ARGV[1], last)
  if tonumber(ARGV[3]) > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
  redis.call('PUBLISH', ARGV[4], table.concat(wake, '\n'))
end
return #wake
