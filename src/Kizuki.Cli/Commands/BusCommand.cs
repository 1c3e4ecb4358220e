using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Kizuki.EventBus;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using StackExchange.Redis;

namespace Kizuki.Cli.Commands;

/// <summary>
/// <c>kizuki bus publish</c> (JSON lines on standard input → partition streams) and <c>kizuki bus consume</c>
/// (this process joins the consumer group and feeds its partitions to the live path) over Redis Streams.
/// </summary>
internal static class BusCommand
{
    /// <summary>Events per pipelined publish batch.</summary>
    private const int PublishBatch = 1000;

    /// <summary>The command; tests pass standard input and the sink the consumer feeds.</summary>
    /// <param name="globals">Global options.</param>
    /// <param name="environment">Writers and clock.</param>
    /// <param name="input">Standard input for <c>publish</c> (default: the console's).</param>
    /// <param name="sinkFor">The consumer's sink (default: the data directory's live path, <see cref="LiveEventSink"/>).</param>
    public static Command Create(GlobalOptions globals, CliEnvironment environment, TextReader? input = null, Func<CliContext, IEventSink>? sinkFor = null)
    {
        var layout = new LayoutOptions();
        var publish = new Command("publish", "Publish JSON lines from standard input to the bus / 標準入力の JSON Lines をバスに送る");
        layout.AddTo(publish);
        var maxLength = new Option<long>("--max-length")
        {
            Description = "Trim each stream to about this many entries, 0 keeps all (default 1,000,000) / ストリームの概略上限件数",
            DefaultValueFactory = _ => new BusOptions().MaxLength,
        };
        publish.Options.Add(maxLength);
        publish.SetAction(async (parse, cancellation) =>
        {
            var context = CliContext.From(parse, globals, environment);
            var limit = parse.GetValue(maxLength);
            if (limit < 0)
            {
                throw new KizukiException(context.T("--max-length は 0 以上で指定してください。", "--max-length must be 0 or more."));
            }

            var options = layout.Read(parse, context) with { MaxLength = limit };
            using var redis = await Connect(context, layout.Endpoint(parse, context)).ConfigureAwait(false);
            return await Publish(context, new BusProducer(redis.GetDatabase(), options), input ?? Console.In, cancellation).ConfigureAwait(false);
        });

        var consume = new Command("consume", "Consume the bus as one scorer of the consumer group / コンシューマグループの一員としてバスを処理する");
        layout.AddTo(consume);
        var name = new Option<string?>("--name") { Description = "Consumer name, unique in the group (default: host-pid) / コンシューマ名" };
        var group = new Option<string>("--group") { Description = "Consumer group (default kizuki-scorers) / グループ名", DefaultValueFactory = _ => new BusOptions().Group };
        var lease = new Option<double>("--lease-seconds")
        {
            Description = "Partition lease time; a crashed consumer's partitions move after it (default 10) / リース時間（秒）",
            DefaultValueFactory = _ => new BusOptions().LeaseTtl.TotalSeconds,
        };
        var batch = new Option<int>("--batch") { Description = "Entries per read (default 512) / 1 回の読み取り件数", DefaultValueFactory = _ => new BusOptions().BatchSize };
        consume.Options.Add(name);
        consume.Options.Add(group);
        consume.Options.Add(lease);
        consume.Options.Add(batch);
        consume.SetAction(async (parse, cancellation) =>
        {
            var context = CliContext.From(parse, globals, environment);
            var seconds = parse.GetValue(lease);
            if (seconds is < 0.2 or > 600 || double.IsNaN(seconds))
            {
                throw new KizukiException(context.T("--lease-seconds は 0.2〜600 で指定してください。", "--lease-seconds must be from 0.2 to 600."));
            }

            var size = parse.GetValue(batch);
            if (size is < 1 or > 100_000)
            {
                throw new KizukiException(context.T("--batch は 1〜100000 で指定してください。", "--batch must be from 1 to 100000."));
            }

            var groupName = parse.GetValue(group);
            if (string.IsNullOrWhiteSpace(groupName))
            {
                throw new KizukiException(context.T("--group を指定してください。", "--group must not be empty."));
            }

            var options = layout.Read(parse, context) with { Group = groupName, LeaseTtl = TimeSpan.FromSeconds(seconds), BatchSize = size };
            var endpoint = layout.Endpoint(parse, context);
            var consumerName = parse.GetValue(name) is { Length: > 0 } given
                ? given
                : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}");
            using var redis = await Connect(context, endpoint).ConfigureAwait(false);

            // Ctrl+C or SIGTERM stops the consumer between batches and releases its leases, so others take over at once.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopping.Cancel(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopping.Cancel(); });
            cancellation = stopping.Token;
            BusConsumerStats stats;
            if (sinkFor is not null)
            {
                stats = await Consume(context, redis, options, consumerName, sinkFor(context), endpoint, cancellation).ConfigureAwait(false);
            }
            else
            {
                using var store = context.OpenStore(create: true);
                using var work = WorkStores.For(store, context.DatabaseUrl ?? context.Settings.Database);
                var service = LiveService.Start(context.DataDirectory, context.Settings, store, work, environment.Time);
                await using (service.ConfigureAwait(false))
                {
                    var sink = new LiveEventSink(service, context.Settings.Zone, context.Settings.Currency);
                    stats = await Consume(context, redis, options, consumerName, sink, endpoint, cancellation).ConfigureAwait(false);
                }

                if (service.Pipeline.Failure is { } failure)
                {
                    throw new KizukiException(context.T($"採点が止まりました: {failure.Message}", $"Scoring stopped: {failure.Message}"));
                }
            }

            environment.Out.WriteLine(context.T(
                $"停止しました: 処理 {CliContext.N(stats.Processed)} 件、重複 {CliContext.N(stats.Duplicates)} 件、却下 {CliContext.N(stats.Rejected)} 件。",
                $"Stopped: {CliContext.N(stats.Processed)} processed, {CliContext.N(stats.Duplicates)} duplicates, {CliContext.N(stats.Rejected)} rejected."));
            return 0;
        });

        return new Command("bus", "Redis Streams event bus for several scorer processes / 複数プロセスで共有する Redis Streams イベントバス") { publish, consume };
    }

    private static async Task<BusConsumerStats> Consume(CliContext context, ConnectionMultiplexer redis, BusOptions options, string name,
        IEventSink sink, string endpoint, CancellationToken cancellation)
    {
        var consumer = new BusConsumer(redis.GetDatabase(), options, name, sink, (e, outcome) => Report(context, e, outcome));
        context.Environment.Out.WriteLine(context.T(
            $"コンシューマ {name} がグループ {options.Group} に参加しました（{endpoint}、{options.Partitions} パーティション）。Ctrl+C で停止します。",
            $"Consumer {name} joined group {options.Group} on {endpoint} ({options.Partitions} partitions). Ctrl+C stops it."));
        await consumer.RunAsync(cancellation).ConfigureAwait(false);
        await consumer.ReleaseAsync().ConfigureAwait(false);
        return consumer.Stats;
    }

    private static async Task<int> Publish(CliContext context, BusProducer producer, TextReader input, CancellationToken cancellation)
    {
        var lines = new List<string>(PublishBatch);
        var lineNumbers = new List<long>(PublishBatch);
        long lineNumber = 0, published = 0, refused = 0;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var line = await input.ReadLineAsync(cancellation).ConfigureAwait(false);
            if (line is not null)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add(line);
                    lineNumbers.Add(lineNumber);
                }
            }

            if (lines.Count == PublishBatch || (line is null && lines.Count > 0))
            {
                var result = await producer.PublishAsync(lines).ConfigureAwait(false);
                published += result.Published;
                foreach (var error in result.Errors)
                {
                    refused++;
                    context.Environment.Error.WriteLine(context.T($"標準入力 {lineNumbers[error.Index]} 行目: {error.Message}",
                        $"stdin line {lineNumbers[error.Index]}: {error.Message}"));
                }

                lines.Clear();
                lineNumbers.Clear();
            }

            if (line is null)
            {
                break;
            }
        }

        context.Environment.Out.WriteLine(context.T($"{CliContext.N(published)} 件を送信、{CliContext.N(refused)} 件を却下しました。",
            $"Published {CliContext.N(published)} events; refused {CliContext.N(refused)}."));
        return refused == 0 ? 0 : 1;
    }

    private static void Report(CliContext context, BusEvent e, SinkOutcome outcome)
    {
        if (outcome.Status == SinkStatus.Rejected)
        {
            context.Environment.Error.WriteLine(context.T($"却下 {e.MessageId}: ", $"rejected {e.MessageId}: ") + string.Join(" ", outcome.Errors));
        }
    }

    private static async Task<ConnectionMultiplexer> Connect(CliContext context, string endpoint)
    {
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=true,connectTimeout=5000").ConfigureAwait(false);
        }
        catch (RedisConnectionException e)
        {
            throw new KizukiException(context.T($"Redis {endpoint} に接続できません: {e.Message}", $"cannot connect to Redis at {endpoint}: {e.Message}"));
        }
    }

    /// <summary>Options both sub-commands share: where the bus is and how it is laid out.</summary>
    private sealed class LayoutOptions
    {
        private readonly Option<string> _redis = new("--redis") { Description = "Redis HOST:PORT, e.g. 127.0.0.1:6379 / Redis の接続先", Required = true };
        private readonly Option<int> _partitions = new("--partitions")
        {
            Description = "Partition streams, 1 to 1024; all producers and consumers must agree (default 8) / パーティション数",
            DefaultValueFactory = _ => new BusOptions().Partitions,
        };

        private readonly Option<string> _prefix = new("--stream")
        {
            Description = "Stream key prefix (default kizuki:events) / ストリームキーの接頭辞",
            DefaultValueFactory = _ => new BusOptions().StreamPrefix,
        };

        public void AddTo(Command command)
        {
            command.Options.Add(_redis);
            command.Options.Add(_partitions);
            command.Options.Add(_prefix);
        }

        public BusOptions Read(ParseResult parse, CliContext context)
        {
            var partitions = parse.GetValue(_partitions);
            if (partitions is < 1 or > 1024)
            {
                throw new KizukiException(context.T("--partitions は 1〜1024 で指定してください。", "--partitions must be from 1 to 1024."));
            }

            var prefix = parse.GetValue(_prefix);
            if (string.IsNullOrWhiteSpace(prefix))
            {
                throw new KizukiException(context.T("--stream を指定してください。", "--stream must not be empty."));
            }

            return new BusOptions { Partitions = partitions, StreamPrefix = prefix };
        }

        /// <summary>The --redis value checked as HOST:PORT.</summary>
        public string Endpoint(ParseResult parse, CliContext context)
        {
            var text = parse.GetValue(_redis)?.Trim() ?? "";
            var colon = text.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new KizukiException(context.T($"--redis は HOST:PORT（例 127.0.0.1:6379）で指定してください: 「{text}」",
                    $"--redis must be HOST:PORT (e.g. 127.0.0.1:6379), got \"{text}\"."));
            }

            return text;
        }
    }
}
