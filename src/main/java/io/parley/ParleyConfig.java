package io.parley;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parley's own configuration (docs/api.md §6). */
@ConfigMapping(prefix = "parley")
public interface ParleyConfig {

    /** Which roles this instance plays. */
    @WithDefault("both")
    Role role();

    /** The base of every URI Parley writes; the request's own scheme://host:port when unset. */
    Optional<String> publicBaseUrl();

    RedisSettings redis();

    Bootstrap bootstrap();

    Offer offer();

    ChatSettings chat();

    AgentSettings agent();

    RoutingSettings routing();

    Notifications notifications();

    Request request();

    Auth auth();

    Pages pages();

    Metrics metrics();

    /** What the metrics read on a timer rather than at each scrape. */
    interface Metrics {
        /** How often the routing queue's length is read for {@code parley_queue_length}. */
        @WithDefault("5s")
        Duration queueRefresh();
    }

    enum Role {
        api,
        push,
        both;

        public boolean servesApi() {
            return this != push;
        }

        public boolean servesPush() {
            return this != api;
        }
    }

    interface RedisSettings {
        /** With no {@code quarkus.redis.hosts}, start an embedded redis-server (never in prod). */
        @WithDefault("false")
        boolean embedded();

        /** Prefix of every key and channel, so that several deployments (or test runs) can share one Redis. */
        @WithDefault("parley:")
        String keyPrefix();

        /**
         * How a decision reaches the keys outside its chat's hash slot. {@code atomic}: one script writes them all
         * (one Redis, the fastest); {@code relayed}: the chat's script writes the chat and an outbox entry, and
         * each other slot is written by an idempotent step of its own (required on a Redis Cluster). Unset: atomic
         * on a standalone Redis, relayed with {@code quarkus.redis.client-type=cluster}.
         */
        Optional<CommitMode> commit();

        /**
         * Into how many hash slots the ready set, the offer timers and the outbox markers are split, so that no
         * single slot takes every chat's traffic. Unset: 1 on a standalone Redis, 16 on a cluster.
         */
        OptionalInt shards();

        /**
         * Replicas each write must reach before an operation answers statusCode 0 (Redis {@code WAIT}), so that a
         * replica promoted after a primary fails holds everything answered. 0: answer once the primary has it.
         */
        @WithDefault("0")
        int waitReplicas();

        /** How long {@code WAIT} may take before the operation answers statusCode 4. */
        @WithDefault("1s")
        Duration waitTimeout();

        /**
         * Tests only: halts the process at this point of every relayed commit, as a {@code kill -9} would, so that a
         * test can show what recovery makes of it. Never set in production.
         */
        Optional<CrashPoint> crashPoint();

        enum CrashPoint {
            /** the chat and its outbox entry are committed; no step outside the chat is made */
            after_commit,
            /** one step of the entry is made, the others not */
            after_first_step
        }

        enum CommitMode {
            atomic,
            relayed
        }
    }

    interface Bootstrap {
        Admin admin();

        interface Admin {
            @WithDefault("admin")
            String username();

            /** Generated and printed once when unset (refused in the prod profile). */
            Optional<String> password();
        }
    }

    interface Offer {
        @WithDefault("30s")
        Duration timeout();

        /** How often the push role looks for offers whose time is up and for chats waiting in the queue. */
        @WithDefault("1s")
        Duration sweep();
    }

    interface ChatSettings {
        @WithDefault("6")
        int maxParties();

        /** How long an ended chat and its transcript stay readable to the agents who handled it. */
        @WithDefault("1d")
        Duration retention();
    }

    interface AgentSettings {
        @WithDefault("4")
        int maxChats();
    }

    /** The queues chats wait in for an agent. */
    interface RoutingSettings {
        /** Where a customer's new chat waits; agents who list no queue serve it. */
        @WithDefault("default")
        String defaultQueue();

        /** Further queues chats may be transferred, consulted or completed to; the default is always one. */
        Optional<List<String>> queues();

        /** How long {@code saveLAR} remembers a customer's last agent. */
        @WithDefault("7d")
        Duration lastAgentTtl();
    }

    interface Notifications {
        Retention retention();

        interface Retention {
            @WithDefault("1000")
            int entries();

            @WithDefault("10m")
            Duration age();
        }

        /**
         * Bytes one notification connection (an SSE stream, a CometD WebSocket) may hold written but not yet taken by
         * its client. A connection over it is closed rather than buffered without bound; its client resumes from
         * its last event id or acknowledged batch and loses nothing.
         */
        @WithDefault("262144")
        int maxUnsentBytes();

        /** Comment lines sent on idle SSE streams so that proxies keep them open. */
        @WithDefault("20s")
        Duration heartbeat();

        BayeuxSettings bayeux();

        /** The advice given to CometD (Bayeux) clients, and when their sessions are reaped. */
        interface BayeuxSettings {
            /** How long a {@code /meta/connect} is held when there is nothing to deliver. */
            @WithDefault("25s")
            Duration timeout();

            /** How long a client waits between a connect reply and its next connect. */
            @WithDefault("0s")
            Duration interval();

            /** A session silent for longer than timeout + max-interval is dropped. */
            @WithDefault("10s")
            Duration maxInterval();

            /** Most messages accepted in one batch (an HTTP body or a WebSocket frame). */
            @WithDefault("64")
            int maxMessages();
        }
    }

    /** The agent desktop and customer widget pages under {@code /desktop/}. */
    interface Pages {
        /** Off unless switched on: prod serves the API alone (dev and test switch them on). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Request {
        @WithDefault("65536")
        int maxBytes();
    }

    interface Auth {
        @WithDefault("parley")
        String issuer();

        /** bcrypt cost (log2 of the rounds) of new password hashes; existing hashes keep theirs. */
        @WithDefault("10")
        int passwordCost();

        /** How long an issued token is valid: one agent shift by default. */
        @WithDefault("8h")
        Duration tokenLifespan();

        TokenCache tokenCache();

        Remembered remembered();

        Throttle throttle();

        SessionSettings session();

        /**
         * Basic credentials verified lately, kept per instance so that a desktop sending Basic with every request
         * does not cost a bcrypt each time. Kept under a keyed hash of user name and password only.
         */
        interface Remembered {
            /** Most credentials kept; 0 checks the password of every request. */
            @WithDefault("4096")
            int size();

            /** How long a verified password is trusted without checking it again. */
            @WithDefault("60s")
            Duration maxAge();
        }

        /** Failed password checks per user name, counted in Redis so that every instance sees them. */
        interface Throttle {
            /** Failures after which passwords of that user name are no longer checked. */
            @WithDefault("10")
            int maxFailures();

            /** How long failures are counted: the count ends this long after the last failure. */
            @WithDefault("15m")
            Duration window();
        }

        /** The session a Basic sign-in opens (the JSESSIONID cookie), kept in Redis. */
        interface SessionSettings {
            /** A session unused for this long ends; each use starts the period again. */
            @WithDefault("30m")
            Duration idleTimeout();
        }

        /**
         * Verified bearer tokens kept per instance, so that a desktop's every request does not check the same
         * signature again. An entry lasts until its token expires, and at most {@code max-age}.
         */
        interface TokenCache {
            /** Most tokens kept (about 3 KB each); 0 verifies every request. */
            @WithDefault("4096")
            int size();

            /** Longest a verification is reused: bounds how long a token outlives the removal of its key. */
            @WithDefault("5m")
            Duration maxAge();
        }
    }
}
