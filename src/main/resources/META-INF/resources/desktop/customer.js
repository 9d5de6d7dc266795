// The customer's chat widget: start a chat, then talk over the customer chat API with the chat's own token.
// EventSource cannot send an Authorization header, so the stream takes the token as access_token.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const TYPING_IDLE_MILLIS = 4000;

  let chatId = null;
  let token = null;
  let events = null;
  let left = false;
  let hadAgent = false;
  let typing = false;
  let typingTimer = null;
  const transcript = new Parley.Transcript($("transcript"), $("typing"));

  function api(method, path, body) {
    return Parley.call(method, path, body, { "Authorization": "Bearer " + token });
  }

  $("start").addEventListener("submit", async submitted => {
    submitted.preventDefault();
    $("start-error").textContent = "";
    $("start-button").disabled = true;
    const request = { nickname: $("nickname").value.trim() };
    const subject = $("subject").value.trim();
    if (subject) request.subject = subject;
    try {
      const started = await Parley.call("POST", "/chats", request);
      chatId = started.chatId;
      token = started.token;
      $("start").hidden = true;
      $("chat").hidden = false;
      $("chat").dataset.chatId = chatId;
      showState("Waiting");
      listen();
    } catch (refusal) {
      $("start-error").textContent = refusal.message;
    } finally {
      $("start-button").disabled = false;
    }
  });

  function listen() {
    events = new EventSource("/api/v2/notifications?access_token=" + encodeURIComponent(token));
    events.addEventListener("open", () => catchUp().catch(shown));
    events.addEventListener("resync", () => catchUp().catch(shown));
    events.addEventListener("/v2/chats", event => {
      const notification = JSON.parse(event.data);
      if (notification.messageType === "MessageLogUpdated") {
        transcript.add(notification.messages);
        // who is in the chat changes with a join or a departure: read the chat as the customer sees it
        if (notification.messages.some(m => m.type === "ParticipantJoined" || m.type === "ParticipantLeft")) {
          readChat().catch(shown);
        }
      } else if (notification.chat) {
        showChat(notification.chat);
      }
    });
    events.addEventListener("error", () => {
      if (events && events.readyState === EventSource.CLOSED && !left) {
        $("chat-error").textContent = "The connection was lost; reload to see the chat again.";
      }
    });
  }

  async function catchUp() {
    $("chat-error").textContent = "";
    const history = await api("GET", "/chats/" + encodeURIComponent(chatId) + "/messages");
    transcript.add(history.messages);
    await readChat();
  }

  async function readChat() {
    const reply = await api("GET", "/chats/" + encodeURIComponent(chatId));
    showChat(reply.chat);
  }

  function showChat(chat) {
    const agents = (chat.participants || []).filter(p => p.type === "Agent");
    $("parties").replaceChildren(...(chat.participants || []).map(p => {
      const item = Parley.element("li", null, p.nickname + (p.type === "Customer" ? " (you)" : ""));
      item.dataset.participantId = p.participantId;
      return item;
    }));
    if (left) return;
    if (chat.state === "Completed") {
      end("This chat has ended.");
      return;
    }
    const capabilities = chat.capabilities || [];
    $("text").disabled = !capabilities.includes("SendMessage");
    $("send").disabled = !capabilities.includes("SendMessage");
    $("leave").disabled = !capabilities.includes("Leave");
    hadAgent = hadAgent || agents.length > 0;
    if (agents.length > 0) {
      $("title").textContent = "Chatting with " + agents.map(a => a.nickname).join(", ");
    } else {
      $("title").textContent = hadAgent ? "No agent is in the chat just now" : "Waiting for an agent…";
    }
    showState(agents.length === 0 ? "Waiting" : "Chatting");
  }

  function showState(state) {
    const badge = $("state");
    badge.hidden = false;
    badge.className = "badge " + state;
    badge.textContent = state;
  }

  function shown(refusal) {
    $("chat-error").textContent = refusal.message;
  }

  function end(why) {
    left = true;
    if (events) events.close();
    events = null;
    clearTimeout(typingTimer);
    $("text").disabled = true;
    $("send").disabled = true;
    $("leave").disabled = true;
    $("title").textContent = why;
    showState("Ended");
  }

  $("compose").addEventListener("submit", async submitted => {
    submitted.preventDefault();
    const text = $("text").value;
    if (text.trim() === "" || left) return;
    clearTimeout(typingTimer);
    typing = false;
    try {
      await api("POST", "/chats/" + encodeURIComponent(chatId), { operationName: "SendMessage", text });
      $("text").value = "";
    } catch (refusal) {
      shown(refusal);
    }
  });

  /** Typing starts with the first keystroke and stops after a pause; a message sent ends it for the others. */
  $("text").addEventListener("input", () => {
    if (left) return;
    if (!typing) {
      typing = true;
      api("POST", "/chats/" + encodeURIComponent(chatId), { operationName: "SendStartTypingNotification" })
        .catch(() => { typing = false; });
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      if (typing && !left) {
        api("POST", "/chats/" + encodeURIComponent(chatId), { operationName: "SendStopTypingNotification" })
          .catch(() => {});
      }
      typing = false;
    }, TYPING_IDLE_MILLIS);
  });

  $("leave").addEventListener("click", async () => {
    try {
      await api("POST", "/chats/" + encodeURIComponent(chatId), { operationName: "Leave" });
      end("You left the chat.");
    } catch (refusal) {
      shown(refusal);
    }
  });
})();
