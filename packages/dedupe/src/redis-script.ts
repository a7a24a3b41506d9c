/**
 * The Redis backend's check-and-add, as one Lua script so that Redis runs it atomically: no
 * other client can add a document between the candidate lookup and the write.
 *
 * KEYS: 1 sequence counter, 2 id -> number (hash), 3 content hash -> number (hash),
 *       4 number -> record (hash), 5..4+BANDS the band keys (hashes: band value -> numbers).
 * ARGV: 1 mode ('check' | 'add'), 2 id, 3 content hash (32 bytes), 4 signature (512 bytes),
 *       5 band values (4 bytes each), 6 equal values needed, 7 max bucket size, 8 number of bands.
 * Document numbers are 4-byte big-endian strings; a record is cluster number .. signature .. id.
 * Returns { exact id or '', cluster id, near id 1, equal values 1, near id 2, ... }.
 */
export const checkAndAddScript = `
local mode, id, hash, sig, bandValues = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local need, maxBucket, bands = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local SIG = 512
local self = redis.call('HGET', KEYS[2], id)
local mine = {}
for i = 0, 127 do mine[i] = string.sub(sig, i * 4 + 1, i * 4 + 4) end

local seen, near = {}, {}
for b = 1, bands do
  local list = redis.call('HGET', KEYS[4 + b], string.sub(bandValues, b * 4 - 3, b * 4))
  if list then
    for p = 1, #list, 4 do
      local num = string.sub(list, p, p + 3)
      if num ~= self and not seen[num] then
        seen[num] = true
        local rec = redis.call('HGET', KEYS[4], num)
        if rec then
          local equal = 0
          for i = 0, 127 do
            if string.sub(rec, 5 + i * 4, 8 + i * 4) == mine[i] then equal = equal + 1 end
          end
          if equal >= need then
            near[#near + 1] = { struct.unpack('>I4', num), equal, rec }
          end
        end
      end
    end
  end
end
table.sort(near, function(x, y)
  if x[2] ~= y[2] then return x[2] > y[2] end
  return x[1] < y[1]
end)

local exactRec = nil
local exactNum = redis.call('HGET', KEYS[3], hash)
if exactNum and exactNum ~= self then exactRec = redis.call('HGET', KEYS[4], exactNum) end

local cluster = nil
if self then
  cluster = string.sub(redis.call('HGET', KEYS[4], self), 1, 4)
elseif exactRec then
  cluster = string.sub(exactRec, 1, 4)
elseif near[1] then
  cluster = string.sub(near[1][3], 1, 4)
end

local clusterId = id
if mode == 'add' and not self then
  local num = struct.pack('>I4', redis.call('INCR', KEYS[1]))
  if not cluster then cluster = num end
  redis.call('HSET', KEYS[2], id, num)
  redis.call('HSETNX', KEYS[3], hash, num)
  redis.call('HSET', KEYS[4], num, cluster .. sig .. id)
  for b = 1, bands do
    local field = string.sub(bandValues, b * 4 - 3, b * 4)
    local list = redis.call('HGET', KEYS[4 + b], field)
    if not list then
      redis.call('HSET', KEYS[4 + b], field, num)
    elseif #list < maxBucket * 4 then
      redis.call('HSET', KEYS[4 + b], field, list .. num)
    end
  end
  if cluster ~= num then clusterId = nil end
elseif cluster and cluster ~= self then
  clusterId = nil
end
if not clusterId then
  clusterId = string.sub(redis.call('HGET', KEYS[4], cluster), 5 + SIG)
end

local out = { '', clusterId }
if exactRec then out[1] = string.sub(exactRec, 5 + SIG) end
for _, d in ipairs(near) do
  out[#out + 1] = string.sub(d[3], 5 + SIG)
  out[#out + 1] = d[2]
end
return out
`;
