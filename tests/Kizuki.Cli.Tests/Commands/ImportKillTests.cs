using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kizuki.Tests.Commands;

/// <summary>An import killed in the middle leaves the store with all of the file or none of it.</summary>
public sealed class ImportKillTests
{
    private const int Rows = 600_000;

    [Fact]
    public void Import_KilledInTheMiddle_WritesNothingAndALaterImportWritesAll()
    {
        using var dir = new TempDirectory();
        var data = dir.File("data");
        var csv = dir.File("activities.csv");
        WriteActivities(csv);

        // A first, small import so the store exists and holds something the kill must not disturb.
        File.WriteAllText(dir.File("first.csv"), "activity_id,customer_id,occurred_at,type\nX1,K1,2025-01-01,login\n");
        Assert.Equal(0, CliRunner.Run("import", "activities", dir.File("first.csv"), "--data-dir", data).ExitCode);

        using var child = StartImport(csv, data);
        var killedAt = KillWhenHalfRead(child, csv);
        Assert.True(killedAt > 0, "the import finished before it could be killed");

        Assert.Equal(1, ActivityCount(data));

        var complete = CliRunner.Run("import", "activities", csv, "--data-dir", data);
        Assert.True(complete.ExitCode == 0, complete.Error);
        Assert.Equal(Rows + 1, ActivityCount(data));
    }

    private static void WriteActivities(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("activity_id,customer_id,occurred_at,type,name\n");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            var at = start.AddSeconds(i * 7);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"A{i:D8},C{i % 5000:D5},{at:yyyy-MM-dd'T'HH:mm:ss'Z'},page_view,/help/article-{i % 97}\n"));
        }
    }

    private static Process StartImport(string csv, string data)
    {
        var kizuki = Path.Combine(AppContext.BaseDirectory, "kizuki.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { kizuki, "import", "activities", csv, "--data-dir", data })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the import");
    }

    /// <summary>Kills the child once it has read between a third and four fifths of the file; returns the bytes read, or 0.</summary>
    private static long KillWhenHalfRead(Process child, string csv)
    {
        var size = new FileInfo(csv).Length;
        var deadline = Stopwatch.StartNew();
        while (!child.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            var read = BytesRead(child.Id);
            if (read > size / 3 && read < size * 4 / 5)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
                return read;
            }

            Thread.Sleep(5);
        }

        return 0;
    }

    /// <summary>
    /// Bytes the process has read so far, from Linux's /proc/PID/io. .NET reads files with pread, so the file
    /// offset in fdinfo stays 0; rchar counts every read. The runtime's own reads are small beside the 35 MB file.
    /// </summary>
    private static long BytesRead(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal));
            return long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return 0; // the process is starting or ending; try again
        }
    }

    private static long ActivityCount(string data)
    {
        var status = CliRunner.Run("status", "--data-dir", data, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        using var json = System.Text.Json.JsonDocument.Parse(status.Out);
        return json.RootElement.GetProperty("summary").GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "activities").GetProperty("count").GetInt64();
    }
}
