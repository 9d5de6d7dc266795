-- Commits one decision about one chat, all or nothing, on a standalone Redis (parley.redis.commit=atomic): the keys
-- of other hash slots are written here too. relay-*.lua split the same writes into single-slot steps for a cluster;
-- apply-change.lua's kinds must stay those of the writes below.
-- KEYS[1] the chat hash {v, doc}, KEYS[2] its transcript list, KEYS[3..] keys the conditions and writes name.
-- ARGV: expected version (0: the chat must not exist yet), new document, log max length, log max age (ms),
--       wake channel, the largest notification (bytes) a wake-up carries itself,
--       the base URL of the chat's URIs (kept from its creation, for notifications no request causes),
--       then three counted groups:
--         messages:   count, then one JSON entry each, appended to the transcript
--         conditions: count, then (kind, key index, argument) each
--                     'ready': the channel state at key must be Ready; 'below': HLEN key (a desk) must be < argument
--         writes:     count, then (kind, key index, a, b) each, b unused by some kinds
--                     'log': a is the notification, b the address of its recipient
--                     'pexpire': a is the time (ms) the key lives on (an ended chat's retention)
--                     'setpx': a is the value, b its time to live (ms)
-- The wake-up published at the end has one line per appended notification, in log order:
--   "<address> <entry id> <notification>", or just "<address>" when the notification is over the size given;
-- a push instance writes a carried notification straight to its streams (JSON holds no raw newline).
-- Returns {'OK', new version} | {'CONFLICT', current version} | {'CONDITION', failed condition number}.
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then
  return {'CONFLICT', current}
end

local i = 8
local messageCount = tonumber(ARGV[i]); i = i + 1
local messagesAt = i
i = i + messageCount

local conditionCount = tonumber(ARGV[i]); i = i + 1
for c = 1, conditionCount do
  local kind, key, arg = ARGV[i], KEYS[tonumber(ARGV[i + 1])], ARGV[i + 2]
  i = i + 3
  if kind == 'ready' then
    if redis.call('GET', key) ~= 'Ready' then return {'CONDITION', c} end
  elseif kind == 'below' then
    if redis.call('HLEN', key) >= tonumber(arg) then return {'CONDITION', c} end
  else
    return redis.error_reply('unknown condition ' .. kind)
  end
end

local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 'doc', ARGV[2])
if current == 0 then
  redis.call('HSET', KEYS[1], 'base', ARGV[7])
end
for m = messagesAt, messagesAt + messageCount - 1 do
  redis.call('RPUSH', KEYS[2], ARGV[m])
end

local maxLen, maxAge = ARGV[3], tonumber(ARGV[4])
local time = redis.call('TIME')
local oldest = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - maxAge

local carried = tonumber(ARGV[6])
local wake = {}
local writeCount = tonumber(ARGV[i]); i = i + 1
for w = 1, writeCount do
  local kind, key, a, b = ARGV[i], KEYS[tonumber(ARGV[i + 1])], ARGV[i + 2], ARGV[i + 3]
  i = i + 4
  if kind == 'log' then
    local id = redis.call('XADD', key, 'MAXLEN', '~', maxLen, '*', 'n', a)
    if oldest > 0 then redis.call('XTRIM', key, 'MINID', '~', oldest) end
    if #a <= carried then
      wake[#wake + 1] = b .. ' ' .. id .. ' ' .. a
    else
      wake[#wake + 1] = b
    end
  elseif kind == 'track' then redis.call('HSET', key, a, '0')
  elseif kind == 'untrack' then redis.call('HDEL', key, a)
  elseif kind == 'zadd' then redis.call('ZADD', key, b, a)
  elseif kind == 'zrem' then redis.call('ZREM', key, a)
  elseif kind == 'lrem' then redis.call('LREM', key, 0, a)
  elseif kind == 'lpush' then redis.call('LREM', key, 0, a); redis.call('LPUSH', key, a)
  elseif kind == 'pexpire' then redis.call('PEXPIRE', key, a)
  elseif kind == 'rpush' then redis.call('LREM', key, 0, a); redis.call('RPUSH', key, a)
  elseif kind == 'setpx' then redis.call('SET', key, a, 'PX', b)
  else
    return redis.error_reply('unknown write ' .. kind)
  end
end

if #wake > 0 then
  redis.call('PUBLISH', ARGV[5], table.concat(wake, '\n'))
end
return {'OK', version}
