using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Kizuki.Tests.EventBus;

/// <summary>A real redis-server on 127.0.0.1 and a free port, without persistence, in a temp directory; killed on dispose.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Starts a server; fails with a clear message when redis-server is not installed.</summary>
    public static RedisServer Start()
    {
        var executable = Find()
            ?? throw new InvalidOperationException("redis-server が見つかりません。インストールしてください（apt-get install redis-server）。 / " +
                "redis-server was not found on PATH or in /usr/bin; install it (apt-get install redis-server) to run the event bus tests.");
        var directory = Path.Combine(Path.GetTempPath(), "kizuki-redis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, directory, port);
        server.WaitUntilReady();
        return server;
    }

    /// <summary>A new connection to the server.</summary>
    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(Endpoint + ",abortConnect=false,connectTimeout=5000,syncTimeout=10000");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/local/bin")
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilReady()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var code = _process.ExitCode;
                Dispose();
                throw new InvalidOperationException($"redis-server exited at start with code {code} (port {Port}).");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Dispose();
        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 5 seconds.");
    }
}
