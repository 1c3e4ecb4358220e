using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Kizuki.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the tests: <c>initdb</c> into a temporary directory, started on a free port
/// of 127.0.0.1 (socket inside that directory), stopped and deleted afterwards. When the tests run as root the
/// server runs as the <c>postgres</c> user (or <c>nobody</c>), because PostgreSQL refuses to run as root.
/// </summary>
/// <remarks>The binaries are found through <c>pg_config --bindir</c> or under /usr/lib/postgresql/*/bin.</remarks>
public sealed class PostgresCluster : IDisposable
{
    private const string Superuser = "kizuki";
    private readonly string root = Path.Combine(Path.GetTempPath(), "kizuki-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string binaries;
    private readonly string? runAs;
    private readonly int port;
    private bool started;

    public PostgresCluster()
    {
        binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL のサーバー (initdb, pg_ctl) が見つかりません。`apt-get install postgresql` でインストールしてください。 / " +
            "PostgreSQL server binaries (initdb, pg_ctl) were not found via `pg_config --bindir` or /usr/lib/postgresql/*/bin; " +
            "install them, e.g. `apt-get install postgresql`. These tests never skip.");
        Directory.CreateDirectory(root);
        runAs = Environment.UserName == "root" ? UnprivilegedUser() : null;
        if (runAs is not null)
        {
            Run("chown", ["-R", runAs, root]);
        }

        var data = Path.Combine(root, "data");
        RunPostgres("initdb", ["-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        port = FreePort();
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        RunPostgres("pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
        started = true;
    }

    /// <summary>A <c>postgres://</c> URL of a new, empty database.</summary>
    public string CreateDatabase(out string name)
    {
        name = "kizuki_" + Guid.NewGuid().ToString("N");
        Admin($"CREATE DATABASE {name}");
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{Superuser}:unused-secret@127.0.0.1:{port}/{name}");
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever still uses it.</summary>
    public void DropDatabase(string name) => Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    public void Dispose()
    {
        if (started)
        {
            started = false;
            RunPostgres("pg_ctl", ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"]);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={port};Username={Superuser};Database=postgres;Pooling=false"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void RunPostgres(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binaries, program);
        if (runAs is null)
        {
            Run(path, arguments);
        }
        else
        {
            Run("runuser", ["-u", runAs, "--", path, .. arguments]);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{program} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}:\n{output.Result}\n{error}");
        }
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            candidates.Add(process.StandardOutput.ReadToEnd().Trim());
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed; look in the usual places.
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.Add("/usr/local/pgsql/bin");
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static string UnprivilegedUser()
    {
        try
        {
            Run("id", ["-u", "postgres"]);
            return "postgres";
        }
        catch (InvalidOperationException)
        {
            return "nobody";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The test classes that share one <see cref="PostgresCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
