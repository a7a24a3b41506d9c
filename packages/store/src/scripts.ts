/**
 * The Lua scripts behind the store's writes. Each write that changes a document's state runs as
 * one script, so it is atomic: a reader never sees half a write, and two workers racing on the
 * same document cannot both move it forward or both append an event.
 *
 * KEYS are always: 1 doc hash, 2 raw string, 3 ingested zset, 4 pending zset, 5 completed zset,
 * 6 failed zset, 7 failures hash, 8 events stream.
 */

const now = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

const complete = `
local function complete(id, gen, now)
  redis.call('HSET', KEYS[1], 'status', 'completed', 'completedAt', now, 'updatedAt', now)
  redis.call('ZREM', KEYS[4], id)
  redis.call('ZADD', KEYS[5], now, id)
  return redis.call('XADD', KEYS[8], 'MAXLEN', '~', '1000000', '*',
    'type', 'completed', 'id', id, 'generation', gen, 'at', now)
end
`;

/**
 * Ingest. ARGV: 1 id, 2 sha256 of the raw bytes, 3 raw bytes, 4 number of planned stages,
 * 5 base document JSON, 6 error JSON when the document fails at ingest ('' otherwise), 7 its code,
 * 8.. field/value pairs for the doc hash.
 * Returns {'created'|'exists'|'conflict', status or stored sha256, event id?}.
 */
export const ingestScript = `
local existing = redis.call('HGET', KEYS[1], 'sha256')
if existing then
  if existing == ARGV[2] then return {'exists', redis.call('HGET', KEYS[1], 'status')} end
  return {'conflict', existing}
end
${now}
${complete}
local id = ARGV[1]
redis.call('SET', KEYS[2], ARGV[3])
redis.call('HSET', KEYS[1], 'id', id, 'sha256', ARGV[2], 'base', ARGV[5], 'generation', '0', 'done', '0',
  'createdAt', now, 'updatedAt', now, unpack(ARGV, 8))
redis.call('ZADD', KEYS[3], now, id)
if ARGV[6] ~= '' then
  redis.call('HSET', KEYS[1], 'status', 'failed', 'failedAt', now, 'error', ARGV[6])
  redis.call('ZADD', KEYS[6], now, id)
  redis.call('HINCRBY', KEYS[7], ARGV[7], 1)
  local event = redis.call('XADD', KEYS[8], 'MAXLEN', '~', '1000000', '*',
    'type', 'failed', 'id', id, 'generation', '0', 'at', now, 'stage', 'ingest', 'code', ARGV[7])
  return {'created', 'failed', event}
end
if tonumber(ARGV[4]) == 0 then
  local event = complete(id, '0', now)
  return {'created', 'completed', event}
end
redis.call('HSET', KEYS[1], 'status', 'pending')
redis.call('ZADD', KEYS[4], now, id)
return {'created', 'pending'}
`;

/**
 * The results of one or more consecutive stages of the plan, in one write. ARGV: 1 generation
 * ('' for any), 2 n, 3..2+n the stage names, 3+n..2+2n their stored results. Results of stages
 * already stored are skipped (stages are deterministic: a second run computed the same), so a
 * retry that overlaps a write cut short stores only the rest.
 * Returns {'written', done} | {'completed', event id} | {'exists', status, done} | {'stale', gen}
 * | {'failed'} | {'missing'} | {'unknown_stage', plan} | {'out_of_order', done}.
 */
export const stageScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local id = redis.call('HGET', KEYS[1], 'id')
local gen = redis.call('HGET', KEYS[1], 'generation')
if ARGV[1] ~= '' and ARGV[1] ~= gen then return {'stale', gen} end
local planJson = redis.call('HGET', KEYS[1], 'stages')
local stages = cjson.decode(planJson)
local n = tonumber(ARGV[2])
local index = 0
for i, name in ipairs(stages) do if name == ARGV[3] then index = i end end
if index == 0 then return {'unknown_stage', planJson} end
for k = 1, n - 1 do
  if stages[index + k] ~= ARGV[3 + k] then return {'unknown_stage', planJson} end
end
local status = redis.call('HGET', KEYS[1], 'status')
local done = tonumber(redis.call('HGET', KEYS[1], 'done'))
if status == 'completed' then return {'exists', status, tostring(done)} end
if status == 'failed' then return {'failed', status} end
local last = index + n - 1
if done >= last then return {'exists', status, tostring(done)} end
if done < index - 1 then return {'out_of_order', tostring(done)} end
${now}
${complete}
local fields = {}
for i = done + 1, last do
  fields[#fields + 1] = 'out:' .. stages[i]
  fields[#fields + 1] = ARGV[2 + n + (i - index) + 1]
end
redis.call('HSET', KEYS[1], 'done', last, 'updatedAt', now, unpack(fields))
if last == #stages then
  local event = complete(id, gen, now)
  return {'completed', event}
end
return {'written', tostring(last)}
`;

/**
 * A document stopped by an error. ARGV: 1 generation ('' for any), 2 stage, 3 code, 4 error JSON.
 * Only a pending document can fail. Returns {'failed', event id} or {'noop', status}.
 */
export const failScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local id = redis.call('HGET', KEYS[1], 'id')
local gen = redis.call('HGET', KEYS[1], 'generation')
if ARGV[1] ~= '' and ARGV[1] ~= gen then return {'stale', gen} end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'pending' then return {'noop', status} end
${now}
redis.call('HSET', KEYS[1], 'status', 'failed', 'failedAt', now, 'updatedAt', now, 'error', ARGV[4])
redis.call('ZREM', KEYS[4], id)
redis.call('ZADD', KEYS[6], now, id)
redis.call('HINCRBY', KEYS[7], ARGV[3], 1)
local event = redis.call('XADD', KEYS[8], 'MAXLEN', '~', '1000000', '*',
  'type', 'failed', 'id', id, 'generation', gen, 'at', now, 'stage', ARGV[2], 'code', ARGV[3])
return {'failed', event}
`;

/**
 * Start a document over from a stage: the one way its status moves back. Bumps the generation so
 * jobs of the old run become stale. ARGV: 1 stage to start from ('' for the first), 2 new stage
 * plan JSON ('' to keep). Stage results before the start are kept while the plan agrees.
 * Returns {'reset', generation, first stage to run or ''} or {'missing'} / {'unknown_stage'}.
 */
export const resetScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local id = redis.call('HGET', KEYS[1], 'id')
local old = cjson.decode(redis.call('HGET', KEYS[1], 'stages'))
local plan = old
local planJson = redis.call('HGET', KEYS[1], 'stages')
if ARGV[2] ~= '' then plan = cjson.decode(ARGV[2]); planJson = ARGV[2] end
local from = 1
if ARGV[1] ~= '' then
  from = 0
  for i, name in ipairs(plan) do if name == ARGV[1] then from = i end end
  if from == 0 then return {'unknown_stage', planJson} end
end
local done = tonumber(redis.call('HGET', KEYS[1], 'done'))
local keep = 0
while keep < from - 1 and keep < done and old[keep + 1] == plan[keep + 1] do keep = keep + 1 end
for i, name in ipairs(old) do if i > keep then redis.call('HDEL', KEYS[1], 'out:' .. name) end end
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'failed' then
  local err = cjson.decode(redis.call('HGET', KEYS[1], 'error'))
  if redis.call('HINCRBY', KEYS[7], err.code, -1) <= 0 then redis.call('HDEL', KEYS[7], err.code) end
end
${now}
${complete}
local gen = tostring(tonumber(redis.call('HGET', KEYS[1], 'generation')) + 1)
redis.call('ZREM', KEYS[5], id)
redis.call('ZREM', KEYS[6], id)
redis.call('HDEL', KEYS[1], 'document', 'completedAt', 'failedAt', 'error')
redis.call('HSET', KEYS[1], 'stages', planJson, 'generation', gen, 'done', keep, 'updatedAt', now)
if #plan == 0 then
  local event = complete(id, gen, now)
  return {'reset', gen, '', event}
end
redis.call('HSET', KEYS[1], 'status', 'pending')
redis.call('ZADD', KEYS[4], now, id)
return {'reset', gen, plan[keep + 1]}
`;
