// The Slack conformance stage of `./uat test`: Slack's own SDKs (pinned in package.json) against the sandbox's
// Slack emulator. If the emulator were more lenient or stricter than Slack where these SDKs rely on it, a check here
// fails the command.
//   @slack/web-api     every method the harness and the bot use; pagination; a 429 survived by its own retry
//   @slack/bolt        an app with the sandbox's signing secret receives a DM a person typed in the emulator's Slack
//                      client and a click they made there, routes the click to its action handler, and its respond()
//                      replaces the clicked message in Slack
//   @slack/socket-mode connects with the UAT driver app's app-level token and receives a person's DM event
//   @slack/bolt        in Socket Mode, as the real PA-dealing bot runs (a second sandbox whose own bot stays off): the app
//                      hears a DM over its WebSocket, a click arrives as an interactive envelope routed to its action
//                      handler, and respond() replaces the clicked message
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bolt from "@slack/bolt";
import { SocketModeClient } from "@slack/socket-mode";
import { ErrorCode, LogLevel, WebClient, WebClientEvent } from "@slack/web-api";

const { App } = bolt;
const sandboxDll = "sandbox/PadSandbox/bin/Release/net10.0/PadSandbox.dll";
const results = [];
let sandbox;
const dir = await mkdtemp(join(tmpdir(), "paduat-conformance-"));

async function check(name, body) {
  const started = Date.now();
  try {
    await withTimeout(body(), 30_000, name);
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - started, why: e?.message ?? String(e) });
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms); })])
    .finally(() => clearTimeout(timer));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function waitFor(predicate, what, ms = 10_000) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const poll = () => {
      const value = predicate();
      if (value) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`${what} did not happen within ${ms / 1000} s`));
      setTimeout(poll, 25);
    };
    poll();
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The PA-dealing app as another program: an HTTP app at botApp, or (botApp "socket") a Socket Mode app.
async function startSandbox(botApp) {
  const describe = join(dir, `sandbox-${Date.now()}.json`);
  const how = botApp === "socket" ? ["--bot-app-socket"] : ["--bot-app-url", botApp];
  sandbox = spawn("dotnet", [sandboxDll, "--history", "0", ...how, "--describe", describe], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  sandbox.stderr.on("data", (d) => { stderr += d; });
  const exited = new Promise((_, reject) => sandbox.on("exit", (code) => reject(new Error(`the sandbox exited (${code}): ${stderr.trim()}`))));
  const ready = (async () => {
    for (;;) {
      try { return JSON.parse(await readFile(describe, "utf8")); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
  })();
  return withTimeout(Promise.race([ready, exited]), 60_000, "starting the sandbox");
}

async function stopSandbox() {
  if (sandbox && sandbox.exitCode === null) {
    const exited = new Promise((r) => { sandbox.on("exit", r); setTimeout(r, 10_000); });
    sandbox.kill("SIGTERM");
    await exited;
  }
}

// A person signed in to the emulator's Slack client: its session cookie, and the client's own calls (type, click).
async function signedIn(env, person) {
  const signIn = await fetch(new URL("client/signin", env.baseUrl), {
    method: "POST", redirect: "manual", body: new URLSearchParams({ email: person.email, password: person.password }),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
  assert(signIn.status === 302 && cookie.startsWith("d="), `signing in to the Slack client answered ${signIn.status}`);
  const call = async (path, body) => (await fetch(new URL(`client/api/${path}`, env.baseUrl), {
    method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) })).json();
  return { type: (channel, text) => call("send", { channel, text }), click: (channel, ts, actionId) => call("click", { channel, ts, action_id: actionId }) };
}

const boltPort = await freePort();
try {
  const env = await startSandbox(`http://127.0.0.1:${boltPort}/`);
  const person = (email) => env.people.find((p) => p.email === email);
  const alex = person("alex.morgan@paduat.example");
  const sam = person("sam.rivera@paduat.example");
  const quiet = { logLevel: LogLevel.ERROR, slackApiUrl: env.slackApiUrl };

  await check("@slack/web-api calls every method the harness and the bot use", async () => {
    const botClient = new WebClient(env.botToken, quiet);
    const alexClient = new WebClient(alex.token, quiet);
    const me = await alexClient.auth.test();
    assert(me.user_id === alex.id, `auth.test named ${me.user_id}`);
    assert((await botClient.users.lookupByEmail({ email: alex.email })).user.id === alex.id, "users.lookupByEmail");
    assert((await botClient.users.info({ user: alex.id })).user.profile.email === alex.email, "users.info");
    const channel = (await alexClient.conversations.open({ users: env.botUserId })).channel.id;
    const posted = await botClient.chat.postMessage({ channel, text: "from the bot", blocks: [{ type: "section", text: { type: "mrkdwn", text: "from the bot" } }] });
    const updated = await botClient.chat.update({ channel, ts: posted.ts, text: "edited by the bot" });
    assert(updated.text === "edited by the bot", "chat.update");
    await alexClient.chat.postMessage({ channel, text: "reply in thread", thread_ts: posted.ts });
    const thread = await alexClient.conversations.replies({ channel, ts: posted.ts });
    assert(thread.messages.length === 2, `conversations.replies gave ${thread.messages.length} messages`);
  });

  await check("@slack/web-api reads refused blocks as Slack's invalid_blocks, naming the field", async () => {
    // The SDK logs each "[ERROR] …" line of response_metadata.messages itself: it must find the emulator's there.
    const logged = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (...m) => logged.push(m.join(" ")), setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
    const client = new WebClient(env.botToken, { slackApiUrl: env.slackApiUrl, logger });
    const channel = (await new WebClient(alex.token, quiet).conversations.open({ users: env.botUserId })).channel.id;
    const button = { type: "button", action_id: "go", text: { type: "plain_text", text: "Go" }, style: "green" };
    const refused = await client.chat.postMessage({ channel, text: "x", blocks: [{ type: "actions", elements: [button] }] }).then(() => null, (e) => e);
    assert(refused?.code === ErrorCode.PlatformError && refused.data.error === "invalid_blocks", `got ${refused?.code} ${refused?.data?.error}`);
    assert(logged.some((line) => line.includes("[json-pointer:/blocks/0/elements/0/style]")), `the SDK logged ${JSON.stringify(logged)}`);
  });

  await check("@slack/web-api paginates conversations.history with its cursor", async () => {
    const client = new WebClient(sam.token, quiet);
    const channel = (await client.conversations.open({ users: alex.id })).channel.id;
    for (let i = 0; i < 5; i++) await client.chat.postMessage({ channel, text: `page test ${i}` });
    const texts = [];
    for await (const page of client.paginate("conversations.history", { channel, limit: 2 })) texts.push(...page.messages.map((m) => m.text));
    assert(texts.join(",") === "page test 4,page test 3,page test 2,page test 1,page test 0", `got ${texts.join(",")}`);
  });

  await check("@slack/web-api reads a thread: the parent in history with reply_count and latest_reply, its replies with conversations.replies", async () => {
    const client = new WebClient(sam.token, quiet);
    const channel = (await client.conversations.open({ users: alex.id })).channel.id;
    const parent = await client.chat.postMessage({ channel, text: "thread parent" });
    const first = await client.chat.postMessage({ channel, text: "reply 1", thread_ts: parent.ts });
    await client.chat.postMessage({ channel, text: "reply 2", thread_ts: first.ts }); // a reply to a reply joins the parent's thread
    const top = (await client.conversations.history({ channel, limit: 5 })).messages;
    const shown = top.find((m) => m.ts === parent.ts);
    assert(shown && shown.thread_ts === parent.ts && shown.reply_count === 2 && shown.latest_reply > first.ts, `history shows ${JSON.stringify(shown)}`);
    assert(!top.some((m) => m.text.startsWith("reply")), "a reply is at the top of history");
    const thread = [];
    for await (const page of client.paginate("conversations.replies", { channel, ts: parent.ts, limit: 2 })) thread.push(...page.messages.map((m) => m.text));
    assert(thread.join(",") === "thread parent,reply 1,reply 2", `the thread reads ${thread.join(",")}`);
  });

  await check("@slack/web-api survives a 429 by its own retry after Retry-After", async () => {
    const client = new WebClient(alex.token, { ...quiet, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 } });
    let limited = 0;
    client.on(WebClientEvent.RATE_LIMITED, () => { limited++; });
    const forced = await fetch(new URL("_emulator/rate-limit?method=users.info&times=1&retryAfter=1", env.baseUrl), { method: "POST" });
    assert(forced.ok, "could not ask the emulator for a 429");
    const started = Date.now();
    const answer = await client.users.info({ user: sam.id });
    assert(answer.ok && limited === 1, `rate-limited ${limited} time(s)`);
    assert(Date.now() - started >= 900, "retried before Retry-After");
  });

  // One Bolt app is the PA-dealing app for the rest: the emulator sends it what people type and click in the client.
  const heard = [];
  const clicked = [];
  const app = new App({ signingSecret: env.signingSecret, token: env.botToken, clientOptions: { slackApiUrl: env.slackApiUrl }, logLevel: LogLevel.ERROR,
    endpoints: ["/slack/events", "/slack/interactivity"] });
  app.message(async ({ message }) => { heard.push(message); });
  app.action("manager_approve", async ({ ack, body, respond }) => {
    await ack();
    clicked.push(body);
    await respond({ replace_original: true, text: `You approved request #${body.actions[0].value}.` });
  });
  await app.start(boltPort);
  try {
    await check("@slack/bolt receives the emulator's Events API delivery of a DM typed in the Slack client", async () => {
      const channel = (await new WebClient(alex.token, quiet).conversations.open({ users: env.botUserId })).channel.id;
      await (await signedIn(env, alex)).type(channel, "hello Bolt");
      const message = await waitFor(() => heard.find((m) => m.text === "hello Bolt"), "Bolt hearing the DM");
      assert(message.user === alex.id && message.channel_type === "im" && message.client_msg_id && !message.bot_id, `heard ${JSON.stringify(message)}`);
    });

    await check("@slack/bolt routes a click made in the Slack client to its action handler (200, not 400) and respond() replaces the message", async () => {
      const samClient = new WebClient(sam.token, quiet);
      const channel = (await samClient.conversations.open({ users: env.botUserId })).channel.id;
      const posted = await new WebClient(env.botToken, quiet).chat.postMessage({ channel, text: "Decide on request #42", blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Decide on request #42" } },
        { type: "actions", elements: [{ type: "button", action_id: "manager_approve", value: "42", text: { type: "plain_text", text: "Approve" } }] }] });
      const answer = await (await signedIn(env, sam)).click(channel, posted.ts, "manager_approve");
      assert(answer.ok && answer.app_status === 200, `the click: ${JSON.stringify(answer)}`);
      await waitFor(() => clicked.length === 1, "Bolt's action handler");
      assert(clicked[0].user.id === sam.id && clicked[0].api_app_id === env.botAppId && clicked[0].team.domain && clicked[0].trigger_id,
        `the click Bolt routed: ${JSON.stringify(clicked[0])}`);
      let text;
      for (let tries = 0; tries < 100 && text !== "You approved request #42."; tries++) {
        if (tries > 0) await new Promise((r) => setTimeout(r, 50));
        text = (await samClient.conversations.history({ channel, latest: posted.ts, inclusive: true, limit: 1 })).messages[0].text;
      }
      assert(text === "You approved request #42.", `the clicked message reads ${JSON.stringify(text)}`);
    });
  } finally {
    await app.stop();
  }

  await check("@slack/socket-mode connects with the app-level token and receives a person's DM event", async () => {
    const socket = new SocketModeClient({ appToken: env.appToken, clientOptions: { slackApiUrl: env.slackApiUrl }, logLevel: LogLevel.ERROR });
    const events = [];
    socket.on("message", async ({ event, ack }) => { await ack(); events.push(event); });
    await socket.start();
    try {
      const client = new WebClient(sam.token, quiet);
      const channel = (await client.conversations.open({ users: env.botUserId })).channel.id;
      await client.chat.postMessage({ channel, text: "over the socket" });
      const event = await waitFor(() => events.find((e) => e.text === "over the socket"), "the Socket Mode event");
      assert(event.user === sam.id && event.channel === channel, `got ${JSON.stringify(event)}`);
    } finally {
      await socket.disconnect();
    }
  });

  await stopSandbox();
  const socketEnv = await startSandbox("socket");
  await check("@slack/bolt in Socket Mode hears a DM typed in the client, gets a click as an interactive envelope, and respond() replaces the message", async () => {
    const socketAlex = socketEnv.people.find((p) => p.email === alex.email);
    const socketSam = socketEnv.people.find((p) => p.email === sam.email);
    const socketQuiet = { logLevel: LogLevel.ERROR, slackApiUrl: socketEnv.slackApiUrl };
    const socketApp = new App({ socketMode: true, appToken: socketEnv.botAppToken, token: socketEnv.botToken, logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: socketEnv.slackApiUrl }, installerOptions: { clientOptions: { slackApiUrl: socketEnv.slackApiUrl } } });
    const dms = [];
    const clicks = [];
    socketApp.message(async ({ message }) => { dms.push(message); });
    socketApp.action("approve_manager", async ({ ack, body, respond }) => {
      await ack();
      clicks.push(body);
      await respond({ replace_original: true, text: "You approved request #7." });
    });
    await socketApp.start();
    try {
      const alexDm = (await new WebClient(socketAlex.token, socketQuiet).conversations.open({ users: socketEnv.botUserId })).channel.id;
      await (await signedIn(socketEnv, socketAlex)).type(alexDm, "hello over the socket");
      const heard = await waitFor(() => dms.find((m) => m.text === "hello over the socket"), "Bolt hearing the DM over Socket Mode");
      assert(heard.user === socketAlex.id && heard.client_msg_id && !heard.bot_id, `heard ${JSON.stringify(heard)}`);

      const samClient = new WebClient(socketSam.token, socketQuiet);
      const samDm = (await samClient.conversations.open({ users: socketEnv.botUserId })).channel.id;
      const posted = await new WebClient(socketEnv.botToken, socketQuiet).chat.postMessage({ channel: samDm, text: "Decide on request #7", blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Decide on request #7" } },
        { type: "actions", elements: [{ type: "button", action_id: "approve_manager", value: "{\"request_id\":7}", text: { type: "plain_text", text: "Approve" } }] }] });
      const answer = await (await signedIn(socketEnv, socketSam)).click(samDm, posted.ts, "approve_manager");
      assert(answer.ok, `the click: ${JSON.stringify(answer)}`);
      await waitFor(() => clicks.length === 1, "Bolt's action handler, over Socket Mode");
      assert(clicks[0].type === "block_actions" && clicks[0].user.id === socketSam.id && clicks[0].trigger_id && clicks[0].response_url,
        `the click Bolt routed: ${JSON.stringify(clicks[0])}`);
      let text;
      for (let tries = 0; tries < 100 && text !== "You approved request #7."; tries++) {
        if (tries > 0) await new Promise((r) => setTimeout(r, 50));
        text = (await samClient.conversations.history({ channel: samDm, latest: posted.ts, inclusive: true, limit: 1 })).messages[0].text;
      }
      assert(text === "You approved request #7.", `the clicked message reads ${JSON.stringify(text)}`);
    } finally {
      await socketApp.stop();
    }
  });
} catch (e) {
  results.push({ name: "the conformance stage itself", ok: false, why: e.message });
} finally {
  await stopSandbox();
  await rm(dir, { recursive: true, force: true });
}

for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name}${r.ms === undefined ? "" : ` (${r.ms} ms)`}${r.ok ? "" : `\n     ${r.why}`}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`Slack conformance: ${results.length - failed} of ${results.length} checks passed`);
process.exit(failed === 0 ? 0 : 1);
