-- Enters a new user in the directory (names and listing, one hash slot) unless the user name is taken. The user's
-- document is written before, in the user's own slot: a name never points at a user who is not there.
-- KEYS[1] user name -> id, KEYS[2] the sorted set of all users; ARGV[1] id, ARGV[2] creation time (listing order).
-- Returns 1 if entered, 0 if the name exists. The name is written last, so a failing write leaves it free.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('SET', KEYS[1], ARGV[1])
return 1
