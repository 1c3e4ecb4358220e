namespace Kizuki.Storage;

/// <summary>The schema history of the PostgreSQL store.</summary>
/// <remarks>
/// Same tables and columns as <see cref="SqliteMigrations"/>, with native types: timestamptz, numeric, jsonb, boolean.
/// Id columns use the "C" collation so that ids sort by code point exactly as in SQLite, whatever the
/// database's locale: both stores then return records in the same order.
/// </remarks>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "Tables for customers, orders and their lines, subscriptions, activities, tickets, surveys, touches and churn events", """
            CREATE TABLE customers (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                name text,
                signup_at timestamptz NOT NULL,
                industry text,
                region text,
                plan text,
                acquisition_channel text,
                company_size text,
                attributes jsonb NOT NULL DEFAULT '{}'
            );

            CREATE TABLE orders (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                ordered_at timestamptz NOT NULL,
                amount numeric NOT NULL,
                currency text NOT NULL,
                status text NOT NULL,
                is_recurring boolean NOT NULL
            );
            CREATE INDEX orders_customer_time ON orders (customer_id, ordered_at, id);

            CREATE TABLE order_lines (
                order_id text COLLATE "C" NOT NULL,
                line_no integer NOT NULL,
                product text NOT NULL,
                category text,
                quantity numeric NOT NULL,
                unit_price numeric,
                PRIMARY KEY (order_id, line_no)
            );

            CREATE TABLE subscriptions (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                plan text NOT NULL,
                started_at timestamptz NOT NULL,
                renews_at timestamptz,
                ended_at timestamptz,
                amount numeric NOT NULL,
                currency text NOT NULL,
                billing_cycle_months integer NOT NULL,
                seats integer NOT NULL,
                cancellation_reason text,
                competitor text
            );
            CREATE INDEX subscriptions_customer_time ON subscriptions (customer_id, started_at, id);

            CREATE TABLE activities (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                occurred_at timestamptz NOT NULL,
                type text NOT NULL,
                name text,
                quantity double precision
            );
            CREATE INDEX activities_customer_time ON activities (customer_id, occurred_at, id);

            CREATE TABLE tickets (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                opened_at timestamptz NOT NULL,
                closed_at timestamptz,
                channel text NOT NULL,
                subject text NOT NULL,
                body text NOT NULL,
                status text NOT NULL,
                satisfaction integer
            );
            CREATE INDEX tickets_customer_time ON tickets (customer_id, opened_at, id);

            CREATE TABLE surveys (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                responded_at timestamptz NOT NULL,
                kind text NOT NULL,
                score integer NOT NULL,
                comment text
            );
            CREATE INDEX surveys_customer_time ON surveys (customer_id, responded_at, id);

            CREATE TABLE touches (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                touched_at timestamptz NOT NULL,
                campaign text NOT NULL,
                channel text NOT NULL,
                is_control boolean NOT NULL
            );
            CREATE INDEX touches_customer_time ON touches (customer_id, touched_at, id);

            CREATE TABLE churn_events (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                customer_id text COLLATE "C" NOT NULL,
                occurred_at timestamptz NOT NULL,
                reason text,
                competitor text
            );
            CREATE INDEX churn_events_customer_time ON churn_events (customer_id, occurred_at, id);
            """),
        new(2, "Churn scores: one row per customer, as-of instant and model version, with the feature values used", """
            CREATE TABLE scores (
                customer_id text COLLATE "C" NOT NULL,
                as_of timestamptz NOT NULL,
                model_version integer NOT NULL,
                probability double precision NOT NULL,
                band text NOT NULL,
                revenue_at_risk numeric NOT NULL,
                features jsonb NOT NULL,
                scored_at timestamptz NOT NULL,
                PRIMARY KEY (customer_id, as_of, model_version)
            );
            CREATE INDEX scores_as_of ON scores (as_of, customer_id);
            """),
        new(3, "Scores keep their reasons: the top factors and the suggested action as JSON (null for scores stored before)", """
            ALTER TABLE scores ADD COLUMN reasons jsonb;
            """),
        new(4, "Users, API keys (hashes only) and the audit log of every change, for the web dashboard's sign-in and roles", """
            CREATE TABLE users (
                name text COLLATE "C" NOT NULL PRIMARY KEY,
                role text NOT NULL,
                password_hash text NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE TABLE api_keys (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                secret_hash text NOT NULL,
                role text NOT NULL,
                label text,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL,
                revoked_at timestamptz
            );
            CREATE TABLE audit_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                target text NOT NULL,
                detail text
            );
            """),
        new(5, "Alerts, the alert state (last firing per rule and customer) and staff tasks with their outcomes", """
            CREATE TABLE alerts (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                rule text NOT NULL,
                customer_id text COLLATE "C" NOT NULL,
                severity text NOT NULL,
                fired_at timestamptz NOT NULL,
                probability double precision,
                top_reason text,
                reasons text,
                is_control integer NOT NULL
            );
            CREATE INDEX alerts_fired ON alerts (fired_at);
            CREATE TABLE alert_state (
                rule text COLLATE "C" NOT NULL,
                customer_id text COLLATE "C" NOT NULL,
                last_fired_at timestamptz NOT NULL,
                PRIMARY KEY (rule, customer_id)
            );
            CREATE TABLE tasks (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                alert_id text COLLATE "C" NOT NULL UNIQUE,
                customer_id text COLLATE "C" NOT NULL,
                rule text NOT NULL,
                severity text NOT NULL,
                created_at timestamptz NOT NULL,
                owner text,
                status text NOT NULL,
                notes text NOT NULL DEFAULT '',
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX tasks_status ON tasks (status, created_at);
            """),
    ];
}
