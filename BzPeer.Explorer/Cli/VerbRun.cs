namespace BzPeer.Explorer.Cli;

/// <summary>What a verb runs with: where it writes, the host's services (the app's own registrations) and its database.</summary>
public sealed class VerbRun(CommandOutput output, IServiceProvider services, VerbDatabase database)
{
    public CommandOutput Output { get; } = output;

    public IServiceProvider Services { get; } = services;

    public VerbDatabase Database { get; } = database;

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();
}
