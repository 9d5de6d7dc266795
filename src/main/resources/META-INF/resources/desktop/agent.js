// The agent desktop: sign in as a GWS desktop does (Basic once, then the session cookie and its CSRF token),
// notifications over EventSource (which sends the cookie), and buttons that follow each chat's capabilities.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const TYPING_IDLE_MILLIS = 4000;

  let csrfToken = null;
  let me = null;
  let events = null;
  let agents = [];
  let channelState = "LoggedOut";
  /** chat id → {chat, offer, pane, transcript, shown} */
  const chats = new Map();

  /** A call over the session cookie: every change carries the session's CSRF token. */
  async function api(method, path, body) {
    try {
      return await Parley.call(method, path, body, csrfToken ? { "X-CSRF-TOKEN": csrfToken } : {});
    } catch (refusal) {
      if (refusal.statusCode === 20 && me) {
        signedOut("Your session has ended; sign in again.");
      }
      throw refusal;
    }
  }

  // --- signing in and out ------------------------------------------------------------------------------------

  $("sign-in").addEventListener("submit", async submitted => {
    submitted.preventDefault();
    const userName = $("user-name").value.trim();
    const password = $("password").value;
    $("sign-in-error").textContent = "";
    $("sign-in-button").disabled = true;
    try {
      // The token endpoint refuses a wrong password without a Basic challenge, which would make the browser
      // open its own credentials dialog; only a checked password goes out as Basic.
      await Parley.call("POST", "/auth/token", { username: userName, password });
      const reply = await Parley.call("GET", "/me", undefined, { "Authorization": Parley.basic(userName, password) });
      csrfToken = reply.headers.get("X-CSRF-TOKEN");
      me = reply.user;
      $("password").value = "";
      if (stateOf(me.channels).state === "LoggedOut") {
        await api("POST", "/me", { operationName: "StartContactCenterSession", channels: ["chat"] });
      }
      openDesk();
    } catch (refusal) {
      me = null;
      csrfToken = null;
      $("sign-in-error").textContent = refusal.message;
    } finally {
      $("sign-in-button").disabled = false;
    }
  });

  $("sign-out").addEventListener("click", async () => {
    try {
      await api("POST", "/me", { operationName: "EndContactCenterSession" });
    } catch (refusal) {
      // the session may be over already: the desk closes all the same
    }
    signedOut("");
  });

  function openDesk() {
    $("sign-in").hidden = true;
    $("desk").hidden = false;
    for (const id of ["state", "ready", "not-ready", "sign-out"]) $(id).hidden = false;
    $("who").textContent = [me.firstName, me.lastName].filter(Boolean).join(" ") + " (" + me.userName + ")";
    listen();
  }

  function signedOut(why) {
    if (events) events.close();
    events = null;
    me = null;
    csrfToken = null;
    chats.clear();
    $("chats").replaceChildren();
    $("offers").replaceChildren();
    $("desk").hidden = true;
    $("sign-in").hidden = false;
    for (const id of ["state", "ready", "not-ready", "sign-out"]) $(id).hidden = true;
    $("who").textContent = "";
    $("sign-in-error").textContent = why;
  }

  // --- notifications -----------------------------------------------------------------------------------------

  function listen() {
    events = new EventSource("/api/v2/notifications");
    // the stream opens once it knows its position: whatever happened before is read, the rest will be pushed
    events.addEventListener("open", () => catchUp().catch(shown));
    events.addEventListener("resync", () => catchUp().catch(shown));
    events.addEventListener("/v2/me/chats", event => onChatNotification(JSON.parse(event.data)));
    events.addEventListener("/v2/me/channels", event => showChannels(JSON.parse(event.data).channels));
    events.addEventListener("error", () => {
      $("desk-error").textContent = events && events.readyState === EventSource.CLOSED
        ? "Notifications have stopped; sign in again." : "";
    });
  }

  async function catchUp() {
    $("desk-error").textContent = "";
    const [channels, desk] = await Promise.all([api("GET", "/me/channels"), api("GET", "/me/chats?fields=*")]);
    showChannels(channels.channels);
    await loadAgents();
    for (const chat of desk.chats) {
      show(chat);
      if (chat.state === "Chatting" || chat.state === "LeftChat") {
        const history = await api("GET", "/me/chats/" + encodeURIComponent(chat.id) + "/messages");
        entry(chat.id).transcript.add(history.messages);
      }
    }
  }

  function onChatNotification(notification) {
    if (notification.messageType === "MessageLogUpdated") {
      const id = Parley.chatIdOf(notification.chatPath || notification.chatUri);
      entry(id).transcript.add(notification.messages);
      return;
    }
    if (notification.chat) show(notification.chat);
    if (notification.notificationType === "Error" && notification.chat) {
      const pane = entry(notification.chat.id).pane;
      pane.querySelector(".notice").textContent = notification.errorMessage || "Your last request could not be done.";
    }
  }

  // --- the agent's channel -----------------------------------------------------------------------------------

  function stateOf(channels) {
    const chat = (channels || []).find(c => c.channel === "chat");
    return chat ? chat.userState : { state: "LoggedOut", displayName: "Logged Out" };
  }

  function showChannels(channels) {
    const userState = stateOf(channels);
    channelState = userState.state;
    const badge = $("state");
    badge.className = "badge " + channelState;
    badge.textContent = userState.displayName + (userState.reasonCode ? " (" + userState.reasonCode + ")" : "");
    $("ready").disabled = channelState === "Ready";
    $("not-ready").disabled = channelState === "NotReady";
  }

  $("ready").addEventListener("click", () => changeState("Ready"));
  $("not-ready").addEventListener("click", () => changeState("NotReady"));

  async function changeState(operationName) {
    try {
      if (channelState === "LoggedOut") {
        await api("POST", "/me", { operationName: "StartContactCenterSession", channels: ["chat"] });
      }
      await api("POST", "/me/channels/chat", { operationName });
    } catch (refusal) {
      shown(refusal);
    }
  }

  function shown(refusal) {
    $("desk-error").textContent = refusal.message;
  }

  // --- chats -------------------------------------------------------------------------------------------------

  function entry(id) {
    let kept = chats.get(id);
    if (!kept) {
      const pane = $("chat-pane").content.firstElementChild.cloneNode(true);
      pane.dataset.chatId = id;
      kept = {
        chat: { id, state: "Chatting", participants: [], capabilities: [] },
        offer: null,
        pane,
        shown: false,
        transcript: new Parley.Transcript(pane.querySelector(".transcript"), pane.querySelector(".typing")),
        typing: false,
        typingTimer: null,
      };
      wire(kept);
      chats.set(id, kept);
    }
    return kept;
  }

  function show(chat) {
    const kept = entry(chat.id);
    kept.chat = chat;
    if (chat.state === "Invited") {
      showOffer(kept);
      return;
    }
    removeOffer(kept);
    if (!kept.shown && (chat.state === "Completed" || chat.state === "Revoked")) {
      // an offer declined or lapsed: nothing of it stays on the desk
      kept.pane.remove();
      chats.delete(chat.id);
      return;
    }
    if (!kept.shown) {
      kept.shown = true;
      fillTargets(kept.pane.querySelector(".target"));
      $("chats").prepend(kept.pane);
    }
    drawPane(kept);
  }

  function customerOf(chat) {
    const customer = (chat.participants || []).find(p => p.type === "Customer");
    return customer ? customer.nickname : "a customer";
  }

  function showOffer(kept) {
    if (!kept.offer) {
      const item = Parley.element("li");
      item.dataset.chatId = kept.chat.id;
      const label = Parley.element("span");
      const accept = Parley.element("button", "accept", "Accept");
      const reject = Parley.element("button", "quiet reject", "Reject");
      accept.type = reject.type = "button";
      accept.addEventListener("click", () => operate(kept, { operationName: "Accept", nickname: nickname() }));
      reject.addEventListener("click", () => operate(kept, { operationName: "Reject" }));
      item.append(label, accept, reject);
      kept.offer = item;
      $("offers").append(item);
    }
    const capabilities = kept.chat.capabilities || [];
    kept.offer.querySelector("span").textContent = "Chat from " + customerOf(kept.chat);
    kept.offer.querySelector(".accept").disabled = !capabilities.includes("Accept");
    kept.offer.querySelector(".reject").disabled = !capabilities.includes("Reject");
    $("no-offers").hidden = true;
  }

  function removeOffer(kept) {
    if (kept.offer) {
      kept.offer.remove();
      kept.offer = null;
    }
    $("no-offers").hidden = $("offers").children.length > 0;
  }

  function nickname() {
    return me.firstName || me.userName;
  }

  function drawPane(kept) {
    const { chat, pane } = kept;
    pane.dataset.state = chat.state;
    pane.querySelector(".title").textContent = "Chat with " + customerOf(chat);
    const badge = pane.querySelector(".state");
    badge.className = "badge state " + chat.state;
    badge.textContent = chat.state;
    pane.querySelector(".parties").replaceChildren(...(chat.participants || []).map(party));
    const capabilities = chat.capabilities || [];
    for (const button of pane.querySelectorAll("button[data-operation]")) {
      button.disabled = !capabilities.includes(button.dataset.operation);
    }
    pane.querySelector(".text").disabled = !capabilities.includes("SendMessage");
    pane.querySelector(".target").disabled = !["Invite", "Consult", "Transfer"].some(c => capabilities.includes(c));
    pane.querySelector(".close").hidden = chat.state !== "Completed";
  }

  function party(participant) {
    const item = Parley.element("li", participant.visibility === "Agents" ? "consultant" : "");
    item.dataset.participantId = participant.participantId;
    let label = participant.nickname;
    if (participant.type === "Customer") label += " (customer)";
    else if (participant.visibility === "Agents") label += " (consultant)";
    if (me && participant.path && participant.path === me.path) label += " (you)";
    item.textContent = label;
    return item;
  }

  function wire(kept) {
    const pane = kept.pane;
    pane.querySelector(".compose").addEventListener("submit", async submitted => {
      submitted.preventDefault();
      const input = pane.querySelector(".text");
      const text = input.value;
      if (text.trim() === "") return;
      clearTimeout(kept.typingTimer);
      kept.typing = false;
      if (await operate(kept, { operationName: "SendMessage", text })) input.value = "";
    });
    pane.querySelector(".text").addEventListener("input", () => typed(kept));
    for (const operationName of ["Invite", "Consult", "Transfer"]) {
      pane.querySelector(`button[data-operation=${operationName}]`).addEventListener("click", () => {
        const target = pane.querySelector(".target").value;
        if (!target) {
          pane.querySelector(".notice").textContent = "Pick an agent first.";
          return;
        }
        operate(kept, { operationName, targetPath: target });
      });
    }
    for (const operationName of ["Leave", "Complete"]) {
      pane.querySelector(`button[data-operation=${operationName}]`)
        .addEventListener("click", () => operate(kept, { operationName }));
    }
    pane.querySelector(".target").addEventListener("focus", () => loadAgents().catch(shown));
    pane.querySelector(".close").addEventListener("click", () => {
      pane.remove();
      chats.delete(kept.chat.id);
    });
  }

  /** Typing starts with the first keystroke and stops after a pause; a message sent ends it for the others. */
  function typed(kept) {
    const capabilities = kept.chat.capabilities || [];
    if (!kept.typing && capabilities.includes("SendStartTypingNotification")) {
      kept.typing = true;
      operate(kept, { operationName: "SendStartTypingNotification" }, true);
    }
    clearTimeout(kept.typingTimer);
    kept.typingTimer = setTimeout(() => {
      if (kept.typing && (kept.chat.capabilities || []).includes("SendStopTypingNotification")) {
        operate(kept, { operationName: "SendStopTypingNotification" }, true);
      }
      kept.typing = false;
    }, TYPING_IDLE_MILLIS);
  }

  /** Performs an operation on the chat; what changes comes back as notifications. */
  async function operate(kept, body, quietly) {
    const notice = kept.pane.querySelector(".notice");
    if (!quietly) notice.textContent = "";
    try {
      await api("POST", "/me/chats/" + encodeURIComponent(kept.chat.id), body);
      return true;
    } catch (refusal) {
      if (!quietly) {
        notice.textContent = refusal.message;
        if (kept.offer) $("desk-error").textContent = refusal.message;
      }
      return false;
    }
  }

  // --- the agents one can invite, consult or transfer to -----------------------------------------------------

  async function loadAgents() {
    const reply = await api("GET", "/users");
    agents = reply.users
      .filter(user => (user.roles || []).includes("agent") && user.id !== me.id)
      .sort((a, b) => label(a).localeCompare(label(b)));
    for (const select of document.querySelectorAll("#chats .target")) fillTargets(select);
  }

  function label(user) {
    const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
    return name ? name + " (" + user.userName + ")" : user.userName;
  }

  function fillTargets(select) {
    const chosen = select.value;
    const none = Parley.element("option", null, "Pick an agent…");
    none.value = "";
    select.replaceChildren(none, ...agents.map(user => {
      const option = Parley.element("option", null, label(user));
      option.value = user.path;
      option.dataset.userName = user.userName;
      return option;
    }));
    select.value = agents.some(user => user.path === chosen) ? chosen : "";
  }
})();
