// What both pages share: calls to the public API, and a transcript drawn from GWS messages.
"use strict";

const Parley = (() => {
  const API = "/api/v2";

  /** A refusal from the API, with its statusCode and statusMessage. */
  class Refusal extends Error {
    constructor(statusCode, message, httpStatus) {
      super(message);
      this.statusCode = statusCode;
      this.httpStatus = httpStatus;
    }
  }

  /** Calls the API and answers its JSON reply; a statusCode other than 0 (or 7, partly done) throws a Refusal. */
  async function call(method, path, body, headers) {
    const init = { method, headers: Object.assign({ "Accept": "application/json" }, headers || {}) };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, init);
    let reply = {};
    try {
      reply = await response.json();
    } catch (unreadable) {
      throw new Refusal(4, "The server answered HTTP " + response.status + " without a reply", response.status);
    }
    if (reply.statusCode !== 0 && reply.statusCode !== 7) {
      throw new Refusal(reply.statusCode, reply.statusMessage || "Refused", response.status);
    }
    reply.headers = response.headers;
    return reply;
  }

  /** UTF-8 then base64, as btoa alone fails on any character beyond Latin-1. */
  function basic(userName, password) {
    const bytes = new TextEncoder().encode(userName + ":" + password);
    let binary = "";
    bytes.forEach(b => { binary += String.fromCharCode(b); });
    return "Basic " + btoa(binary);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The chat id at the end of a chat's uri or path. */
  function chatIdOf(uriOrPath) {
    return uriOrPath ? uriOrPath.substring(uriOrPath.lastIndexOf("/") + 1) : null;
  }

  /**
   * One chat's transcript: messages kept by index (a message can arrive both in a page read and in a notification),
   * typing shown beside the list rather than in it.
   */
  class Transcript {
    constructor(list, typingLine) {
      this.list = list;
      this.typingLine = typingLine;
      this.byIndex = new Map();
      this.typing = new Map();
    }

    add(messages) {
      for (const message of messages || []) {
        if (this.byIndex.has(message.index)) continue;
        this.byIndex.set(message.index, message);
        const who = message.from ? message.from.participantId || message.from.nickname : "";
        if (message.type === "TypingStarted") {
          this.typing.set(who, message.from.nickname);
        } else if (message.type === "TypingStopped" || message.type === "Text" || message.type === "ParticipantLeft") {
          this.typing.delete(who);
        }
      }
      this.draw();
    }

    draw() {
      const shown = [...this.byIndex.values()]
        .filter(m => m.type !== "TypingStarted" && m.type !== "TypingStopped")
        .sort((a, b) => a.index - b.index);
      this.list.replaceChildren(...shown.map(line));
      this.list.scrollTop = this.list.scrollHeight;
      const names = [...this.typing.values()];
      this.typingLine.textContent = names.length === 0 ? ""
        : names.join(", ") + (names.length === 1 ? " is typing…" : " are typing…");
    }
  }

  /** One transcript line: "name: text" for what was written, "name joined" and the like for what happened. */
  function line(message) {
    const item = element("li");
    item.dataset.index = message.index;
    item.dataset.type = message.type;
    const name = message.from ? message.from.nickname : "";
    const said = (text) => {
      item.append(element("span", "from", name), document.createTextNode(": " + text));
    };
    switch (message.type) {
      case "Text":
        said(message.text);
        if (message.treatAs === "System") item.classList.add("system");
        break;
      case "PushUrl": {
        item.append(element("span", "from", name), document.createTextNode(": "));
        const link = element("a", null, message.url);
        if (/^https?:\/\//i.test(message.url)) link.href = message.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.append(link);
        break;
      }
      case "Notice":
      case "CustomNotice":
        item.classList.add("system");
        said(message.noticeText || message.text || "");
        break;
      case "ParticipantJoined":
        item.classList.add("event");
        item.textContent = name + " joined";
        break;
      case "ParticipantLeft":
        item.classList.add("event");
        item.textContent = name + " left";
        break;
      default:
        item.classList.add("event");
        item.textContent = name + " " + message.type;
    }
    if (message.visibility === "Agents") {
      item.classList.add("agents-only");
      item.title = "Seen by agents only";
    }
    return item;
  }

  return { call, basic, element, chatIdOf, Refusal, Transcript };
})();
