using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kizuki.Cli.Commands;
using Kizuki.EventBus;

namespace Kizuki.Tests.Commands;

public sealed class BusCommandTests
{
    [Theory]
    [InlineData("localhost", "--redis must be HOST:PORT")]
    [InlineData("127.0.0.1:99999", "--redis must be HOST:PORT")]
    [InlineData(":6379", "--redis must be HOST:PORT")]
    public void BusPublish_BadRedisEndpoint_FailsNamingTheOption(string endpoint, string expected)
    {
        var result = CliRunner.Run("bus", "publish", "--redis", endpoint, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--partitions", "0", "--partitions must be from 1 to 1024")]
    [InlineData("--lease-seconds", "0.1", "--lease-seconds must be from 0.2 to 600")]
    [InlineData("--batch", "0", "--batch must be from 1 to 100000")]
    public void BusConsume_OutOfRangeOption_FailsBeforeConnecting(string option, string value, string expected)
    {
        var result = CliRunner.Run("bus", "consume", "--redis", "127.0.0.1:6379", option, value, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BusPublish_WithoutRedis_IsAParseError()
    {
        var result = CliRunner.Run("bus", "publish");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--redis", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BusPublish_NothingListening_FailsWithTheEndpoint()
    {
        var port = ClosedPort();

        var result = CliRunner.Run("bus", "publish", "--redis", $"127.0.0.1:{port}", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot connect to Redis at 127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusPublishThenConsume_RealRedis_EveryValidLineReachesTheSinkOnce()
    {
        using var redis = LocalRedis.Start();
        var lines = string.Join("\n", Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"kind":"activity","id":"a{{i}}","customer_id":"C{{i % 7}}","type":"login"}"""))
            .Append("""{"kind":"activity","id":"no-customer"}"""));

        var publish = CommandHost.Run((g, e, _) => BusCommand.Create(g, e, new StringReader(lines)),
            "bus", "publish", "--redis", redis.Endpoint, "--partitions", "2", "--lang", "en");

        Assert.Equal(1, publish.ExitCode);
        Assert.Contains("Published 50 events; refused 1.", publish.Out, StringComparison.Ordinal);
        Assert.Contains("stdin line 51: ", publish.Error, StringComparison.Ordinal);
        Assert.Contains("customer_id is missing", publish.Error, StringComparison.Ordinal);

        var sink = new RecordingSink();
        using var host = new CommandHost((g, e, _) => BusCommand.Create(g, e, sinkFor: _ => sink));
        var run = host.InvokeAsync("bus", "consume", "--redis", redis.Endpoint, "--partitions", "2", "--name", "t1", "--lease-seconds", "1", "--lang", "en");
        for (var waited = 0; sink.Count < 50 && waited < 1500 && !run.IsCompleted; waited++)
        {
            await Task.Delay(20);
        }

        host.Stop();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(50, sink.Count);
        Assert.Contains("Consumer t1 joined group kizuki-scorers", host.Out, StringComparison.Ordinal);
        Assert.Contains("Stopped: 50 processed, 0 duplicates, 0 rejected.", host.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusConsume_DefaultSink_WritesThroughTheLivePathAndReportsDuplicates()
    {
        using var redis = LocalRedis.Start();
        using var dir = new TempDirectory();
        var lines = string.Join("\n",
            """{"kind":"customer","customer_id":"C1","signup_at":"2026-01-05"}""",
            """{"kind":"activity","id":"a1","customer_id":"C1","occurred_at":"2026-11-01T10:00:00+09:00","type":"login"}""",
            """{"kind":"activity","id":"a2","customer_id":"C1","occurred_at":"2026-11-02T10:00:00+09:00","type":"login"}""",
            """{"kind":"activity","id":"a1","customer_id":"C1","occurred_at":"2026-11-01T10:00:00+09:00","type":"login"}""",
            """{"kind":"activity","id":"a3","customer_id":"C1","type":"login"}""");
        var publish = CommandHost.Run((g, e, _) => BusCommand.Create(g, e, new StringReader(lines)), "bus", "publish", "--redis", redis.Endpoint, "--lang", "en");
        Assert.True(publish.ExitCode == 0, publish.Error);

        using var host = new CommandHost((g, e, _) => BusCommand.Create(g, e));
        var run = host.InvokeAsync("bus", "consume", "--redis", redis.Endpoint, "--data-dir", dir.Path, "--name", "live", "--lang", "en");
        for (var waited = 0; !host.Error.Contains("rejected", StringComparison.Ordinal) && waited < 1500 && !run.IsCompleted; waited++)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        host.Stop();
        Assert.True(await run.WaitAsync(TimeSpan.FromSeconds(30)) == 0, host.Error);
        Assert.Contains("Stopped: 3 processed, 1 duplicates, 1 rejected.", host.Out, StringComparison.Ordinal);
        Assert.Contains("occurred_at", host.Error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RecordingSink : IEventSink
    {
        private readonly HashSet<string> _seen = [];

        public int Count { get { lock (_seen) { return _seen.Count; } } }

        public Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                return Task.FromResult<IReadOnlyList<SinkOutcome>>([.. events.Select(e => _seen.Add(e.Json) ? SinkOutcome.Processed : SinkOutcome.Duplicate)]);
            }
        }
    }

    /// <summary>redis-server on a free loopback port without persistence (the core tests' fixture has the full version).</summary>
    private sealed class LocalRedis : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory = Directory.CreateTempSubdirectory("kizuki-redis-").FullName;

        private LocalRedis(int port)
        {
            var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("redis-server was not found in /usr/bin or /usr/local/bin; install it to run the bus tests.");
            var start = new ProcessStartInfo(executable) { WorkingDirectory = _directory, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            Endpoint = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        }

        public string Endpoint { get; }

        public static LocalRedis Start()
        {
            var redis = new LocalRedis(ClosedPort());
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPEndPoint.Parse(redis.Endpoint));
                    return redis;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            redis.Dispose();
            throw new InvalidOperationException("redis-server did not start listening within 5 seconds.");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
