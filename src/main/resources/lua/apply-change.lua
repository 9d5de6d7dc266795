-- A relayed step: a decision's writes outside its chat to one key, in the decision's order. Applying them again
-- changes nothing more (a relay that died mid-way is repeated). The kinds are commit.lua's writes other than 'log'.
-- KEYS[1] the key; ARGV: triples of (kind, a, b).
local key = KEYS[1]
for i = 1, #ARGV, 3 do
  local kind, a, b = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if kind == 'track' then redis.call('HSET', key, a, '0')
  elseif kind == 'untrack' then redis.call('HDEL', key, a)
  elseif kind == 'zadd' then redis.call('ZADD', key, b, a)
  elseif kind == 'zrem' then redis.call('ZREM', key, a)
  elseif kind == 'lrem' then redis.call('LREM', key, 0, a)
  elseif kind == 'lpush' then redis.call('LREM', key, 0, a); redis.call('LPUSH', key, a)
  elseif kind == 'rpush' then redis.call('LREM', key, 0, a); redis.call('RPUSH', key, a)
  elseif kind == 'pexpire' then redis.call('PEXPIRE', key, a)
  elseif kind == 'setpx' then redis.call('SET', key, a, 'PX', b)
  else
    return redis.error_reply('unknown change ' .. kind)
  end
end
return 1
