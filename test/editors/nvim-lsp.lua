-- Neovim (0.7+) end-to-end check of the pbxlint language server with Neovim's own LSP client.
--
--   PBXLINT_NODE=node PBXLINT_SERVER=dist/server.js \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/editors/nvim-lsp.lua' /tmp/x/sip.conf
--
-- The buffer must be a copy of examples/etc/asterisk/sip.conf. The script starts
-- `node dist/server.js --stdio`, waits for diagnostics, asks for hover and code actions on
-- the alwaysauthreject finding, applies the preferred quick fix, waits for the finding to go,
-- runs a server-side "Disable ... for this line" command (the server edits the buffer through
-- workspace/applyEdit), asks for source.fixAll.pbxlint, shuts the server down, and prints one
-- JSON line starting with `PBXLINT_RESULT ` on stdout. Exit status 0 on success, 1 on failure.
-- Every wait is bounded (PBXLINT_WAIT_MS, default 10000 ms each).
-- Uses vim.lsp.start_client + buf_attach_client (vim.lsp.start is 0.8+).

local WAIT = tonumber(os.getenv('PBXLINT_WAIT_MS') or '') or 10000
local node = os.getenv('PBXLINT_NODE') or 'node'
local server = os.getenv('PBXLINT_SERVER')
local result = { client = 'neovim', steps = {} }
local t0 = vim.loop.hrtime()

local function elapsed() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function note(step) table.insert(result.steps, { step = step, ms = elapsed() }) end

local function finish(err)
  result.ok = err == nil
  result.error = err
  result.ms = elapsed()
  io.stdout:write('\nPBXLINT_RESULT ' .. vim.json.encode(result) .. '\n')
  io.stdout:flush()
  if err then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local ok, err = pcall(function()
  local v = vim.version()
  result.clientVersion = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  assert(server, 'PBXLINT_SERVER is not set')
  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  assert(path:match('sip%.conf$'), 'open a copy of sip.conf, got ' .. path)

  local exit_code
  local id = vim.lsp.start_client({
    name = 'pbxlint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':h'),
    on_exit = function(code) exit_code = code end,
  })
  assert(id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  local ns = vim.lsp.diagnostic.get_namespace(id)
  local function caps() return client.server_capabilities or client.resolved_capabilities or {} end

  local function diags() return vim.diagnostic.get(bufnr, { namespace = ns }) end
  local function find(code)
    for _, d in ipairs(diags()) do if d.code == code then return d end end
  end
  local function line(n) return vim.api.nvim_buf_get_lines(bufnr, n, n + 1, false)[1] end
  local function request(method, params)
    local res, e = client.request_sync(method, params, WAIT, bufnr)
    assert(res, method .. ' failed: ' .. tostring(e))
    assert(not res.err, method .. ' error: ' .. vim.inspect(res.err))
    return res.result
  end

  -- 1. Diagnostics arrive after didOpen.
  assert(vim.wait(WAIT, function() return find('sip-alwaysauthreject') ~= nil end, 20),
    'no sip-alwaysauthreject diagnostic within ' .. WAIT .. ' ms')
  note('diagnostics')
  local ecp = caps().executeCommandProvider
  result.executeCommands = type(ecp) == 'table' and ecp.commands or {}
  result.diagnostics = {}
  for _, d in ipairs(diags()) do
    table.insert(result.diagnostics, {
      code = d.code, source = d.source, severity = d.severity, line = d.lnum + 1, col = d.col + 1, message = d.message,
      href = d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href or vim.NIL,
    })
  end

  local d = find('sip-alwaysauthreject')
  local pos = { line = d.lnum, character = d.col }
  local range = { start = pos, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local textDocument = { uri = vim.uri_from_bufnr(bufnr) }

  -- 2. Hover on the finding.
  local hover = request('textDocument/hover', { textDocument = textDocument, position = pos })
  result.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  note('hover')

  -- 3. Code actions for the finding, with the diagnostics on its line as context.
  local function actions_for(diag, only)
    local ctx = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, diag.lnum, nil, id) }
    if only then ctx.only = only end
    local r = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } }
    return request('textDocument/codeAction', { textDocument = textDocument, range = r, context = ctx }) or {}
  end
  local actions = actions_for(d)
  result.codeActions = {}
  local preferred
  for _, a in ipairs(actions) do
    table.insert(result.codeActions, { title = a.title, kind = a.kind, isPreferred = a.isPreferred == true,
      hasEdit = a.edit ~= nil, command = a.command and a.command.command or vim.NIL })
    if a.isPreferred then preferred = a end
  end
  note('codeActions')
  assert(preferred, 'no preferred code action for sip-alwaysauthreject')

  -- 4. Apply it the way Neovim does; the client sends didChange, the finding must go.
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
  result.lineAfterFix = line(d.lnum)
  assert(vim.wait(WAIT, function() return find('sip-alwaysauthreject') == nil and #diags() > 0 end, 20),
    'sip-alwaysauthreject still reported ' .. WAIT .. ' ms after the fix')
  note('fixApplied')
  result.codesAfterFix = {}
  for _, x in ipairs(diags()) do table.insert(result.codesAfterFix, x.code) end

  -- 5. A suppression through the server's command: the server edits the buffer with workspace/applyEdit.
  local nosecret = assert(find('sip-peer-no-secret'), 'no sip-peer-no-secret diagnostic')
  local disable
  for _, a in ipairs(actions_for(nosecret)) do
    if a.title == 'Disable sip-peer-no-secret for this line' then disable = a end
  end
  assert(disable and disable.command, 'no "Disable sip-peer-no-secret for this line" action')
  request('workspace/executeCommand', disable.command)
  assert(vim.wait(WAIT, function() return find('sip-peer-no-secret') == nil end, 20),
    'sip-peer-no-secret still reported after the suppression command')
  result.suppressionLine = line(nosecret.lnum)
  note('suppressed')

  -- 6. source.fixAll.pbxlint on the whole buffer.
  local last = vim.api.nvim_buf_line_count(bufnr)
  local fixall = request('textDocument/codeAction', { textDocument = textDocument,
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.pbxlint' } } }) or {}
  result.fixAll = {}
  for _, a in ipairs(fixall) do table.insert(result.fixAll, { title = a.title, kind = a.kind }) end
  note('fixAll')

  -- 7. Clean shutdown: the server process must exit 0 after shutdown/exit.
  vim.lsp.stop_client(id)
  assert(vim.wait(WAIT, function() return exit_code ~= nil end, 20), 'server did not exit after shutdown')
  result.serverExitCode = exit_code
  note('shutdown')
end)

if ok then finish(nil) else finish(tostring(err)) end
