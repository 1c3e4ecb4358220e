using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kizuki.Tests.Notifications;

/// <summary>An HttpListener on 127.0.0.1 that records bodies and answers 500 to the first <c>failFirst</c> requests.</summary>
internal sealed class TestHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<string> _bodies = [];
    private readonly Lock _gate = new();
    private int _requests;

    public TestHttpServer(int failFirst = 0)
    {
        FailFirst = failFirst;
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public int FailFirst { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Bodies of the requests answered 200.</summary>
    public IReadOnlyList<string> Bodies { get { lock (_gate) { return [.. _bodies]; } } }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref _requests);
            if (n <= FailFirst)
            {
                context.Response.StatusCode = 500;
            }
            else
            {
                lock (_gate) { _bodies.Add(body); }
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
