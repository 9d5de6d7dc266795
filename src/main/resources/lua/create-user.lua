-- Creates a user unless the user name is taken.
-- KEYS[1] user name -> id, KEYS[2] the user document, KEYS[3] the sorted set of all users.
-- ARGV[1] id, ARGV[2] document, ARGV[3] creation time (the listing order).
-- Returns 1 if created, 0 if the name exists.
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
