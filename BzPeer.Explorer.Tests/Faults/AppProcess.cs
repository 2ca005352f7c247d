using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BzPeer.Explorer.Tests.Faults;

/// <summary>The app as a process of its own on a fixed loopback port, so a test can kill it and start it again at the same address.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's own process, for its CPU time and memory.</summary>
    public Process Process => _process;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app and waits until it answers /healthz.</summary>
    /// <param name="database">The database file, optionally followed by more connection-string settings (";Mode=ReadOnly").</param>
    public static async Task<AppProcess> StartAsync(int port, string database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "BzPeer.Explorer"))
        {
            ArgumentList = { "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["App__PublicUrl"] = $"http://127.0.0.1:{port}/",
                ["ConnectionStrings__Explorer"] = $"Data Source={database}",
                ["Logging__LogLevel__Default"] = "Warning",
                ["OpenAlex__Enabled"] = "false",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var app = new AppProcess(Process.Start(start)!, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (app._process.HasExited) throw new InvalidOperationException($"the app exited at start:\n{app.Log}");
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        app.Dispose();
        throw new TimeoutException($"the app did not answer on port {port}:\n{app.Log}");
    }

    /// <summary>SIGKILL: no shutdown of any kind runs in the app.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
