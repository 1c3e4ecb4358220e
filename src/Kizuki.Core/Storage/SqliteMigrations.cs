namespace Kizuki.Storage;

/// <summary>The schema history of the SQLite store.</summary>
/// <remarks>
/// Instants are INTEGER unix milliseconds (UTC); amounts and quantities are TEXT decimals so they round-trip
/// exactly; enumerations are lower-case TEXT. Tables are STRICT so a value of the wrong type is refused.
/// Every event table has an index on (customer_id, time, id), the order every read and feature walks; the
/// activities table, by far the largest, is itself clustered in that order (version 2), so reading a customer's
/// activities is one sequential walk instead of an index walk with a table lookup per row. Scores are the opposite
/// case (version 8): rows of 2-3 KB (feature and reason JSON) are far above the ~1/20 of a page that suits a clustered
/// (WITHOUT ROWID) b-tree, and the live scorer writes them in random customer order, so they live in an ordinary rowid
/// table, appended in write order, with a unique index on the key that the upserts' ON CONFLICT target names.
/// </remarks>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "Tables for customers, orders and their lines, subscriptions, activities, tickets, surveys, touches and churn events", """
            CREATE TABLE customers (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT,
                signup_at INTEGER NOT NULL,
                industry TEXT,
                region TEXT,
                plan TEXT,
                acquisition_channel TEXT,
                company_size TEXT,
                attributes TEXT NOT NULL DEFAULT '{}'
            ) STRICT;

            CREATE TABLE orders (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                ordered_at INTEGER NOT NULL,
                amount TEXT NOT NULL,
                currency TEXT NOT NULL,
                status TEXT NOT NULL,
                is_recurring INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX orders_customer_time ON orders (customer_id, ordered_at, id);

            CREATE TABLE order_lines (
                order_id TEXT NOT NULL,
                line_no INTEGER NOT NULL,
                product TEXT NOT NULL,
                category TEXT,
                quantity TEXT NOT NULL,
                unit_price TEXT,
                PRIMARY KEY (order_id, line_no)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE subscriptions (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                plan TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                renews_at INTEGER,
                ended_at INTEGER,
                amount TEXT NOT NULL,
                currency TEXT NOT NULL,
                billing_cycle_months INTEGER NOT NULL,
                seats INTEGER NOT NULL,
                cancellation_reason TEXT,
                competitor TEXT
            ) STRICT;
            CREATE INDEX subscriptions_customer_time ON subscriptions (customer_id, started_at, id);

            CREATE TABLE activities (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                type TEXT NOT NULL,
                name TEXT,
                quantity REAL
            ) STRICT;
            CREATE INDEX activities_customer_time ON activities (customer_id, occurred_at, id);

            CREATE TABLE tickets (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                closed_at INTEGER,
                channel TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL,
                satisfaction INTEGER
            ) STRICT;
            CREATE INDEX tickets_customer_time ON tickets (customer_id, opened_at, id);

            CREATE TABLE surveys (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                responded_at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                score INTEGER NOT NULL,
                comment TEXT
            ) STRICT;
            CREATE INDEX surveys_customer_time ON surveys (customer_id, responded_at, id);

            CREATE TABLE touches (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                touched_at INTEGER NOT NULL,
                campaign TEXT NOT NULL,
                channel TEXT NOT NULL,
                is_control INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX touches_customer_time ON touches (customer_id, touched_at, id);

            CREATE TABLE churn_events (
                id TEXT NOT NULL PRIMARY KEY,
                customer_id TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                reason TEXT,
                competitor TEXT
            ) STRICT;
            CREATE INDEX churn_events_customer_time ON churn_events (customer_id, occurred_at, id);
            """),
        new(2, "Activities clustered by customer and time (WITHOUT ROWID), so feature reads walk one b-tree in order", """
            CREATE TABLE activities_by_customer (
                id TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                type TEXT NOT NULL,
                name TEXT,
                quantity REAL,
                PRIMARY KEY (customer_id, occurred_at, id)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO activities_by_customer (id, customer_id, occurred_at, type, name, quantity)
                SELECT id, customer_id, occurred_at, type, name, quantity FROM activities ORDER BY customer_id, occurred_at, id;
            DROP TABLE activities;
            ALTER TABLE activities_by_customer RENAME TO activities;
            CREATE UNIQUE INDEX activities_id ON activities (id);
            """),
        new(3, "Churn scores: one row per customer, as-of instant and model version, with the feature values used", """
            CREATE TABLE scores (
                customer_id TEXT NOT NULL,
                as_of INTEGER NOT NULL,
                model_version INTEGER NOT NULL,
                probability REAL NOT NULL,
                band TEXT NOT NULL,
                revenue_at_risk TEXT NOT NULL,
                features TEXT NOT NULL,
                scored_at INTEGER NOT NULL,
                PRIMARY KEY (customer_id, as_of, model_version)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX scores_as_of ON scores (as_of, customer_id);
            """),
        new(4, "Scores keep their reasons: the top factors and the suggested action as JSON (null for scores stored before)", """
            ALTER TABLE scores ADD COLUMN reasons TEXT;
            """),
        new(5, "Users, API keys (hashes only) and the audit log of every change, for the web dashboard's sign-in and roles", """
            CREATE TABLE users (
                name TEXT NOT NULL PRIMARY KEY,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE api_keys (
                id TEXT NOT NULL PRIMARY KEY,
                secret_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                label TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                revoked_at INTEGER
            ) STRICT;
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT
            ) STRICT;
            """),
        new(6, "Alerts, the alert state (last firing per rule and customer) and staff tasks with their outcomes", """
            CREATE TABLE alerts (
                id TEXT NOT NULL PRIMARY KEY,
                rule TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                severity TEXT NOT NULL,
                fired_at INTEGER NOT NULL,
                probability REAL,
                top_reason TEXT,
                reasons TEXT,
                is_control INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX alerts_fired ON alerts (fired_at);
            CREATE TABLE alert_state (
                rule TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                last_fired_at INTEGER NOT NULL,
                PRIMARY KEY (rule, customer_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE tasks (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id TEXT NOT NULL UNIQUE,
                customer_id TEXT NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                owner TEXT,
                status TEXT NOT NULL,
                notes TEXT NOT NULL DEFAULT '',
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX tasks_status ON tasks (status, created_at);
            """),
        SqliteDataGeneration.Migration,
        new(8, "Scores as an ordinary rowid table with a unique index on (customer_id, as_of, model_version): rows of 2-3 KB append instead of splitting a clustered b-tree", """
            CREATE TABLE scores_by_rowid (
                customer_id TEXT NOT NULL,
                as_of INTEGER NOT NULL,
                model_version INTEGER NOT NULL,
                probability REAL NOT NULL,
                band TEXT NOT NULL,
                revenue_at_risk TEXT NOT NULL,
                features TEXT NOT NULL,
                scored_at INTEGER NOT NULL,
                reasons TEXT
            ) STRICT;
            INSERT INTO scores_by_rowid (customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons)
                SELECT customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons
                FROM scores ORDER BY as_of, customer_id, model_version;
            DROP TABLE scores;
            ALTER TABLE scores_by_rowid RENAME TO scores;
            CREATE UNIQUE INDEX scores_key ON scores (customer_id, as_of, model_version);
            CREATE INDEX scores_as_of ON scores (as_of, customer_id);
            """),
    ];
}
