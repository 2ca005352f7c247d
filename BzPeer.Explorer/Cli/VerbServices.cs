namespace BzPeer.Explorer.Cli;

public static class VerbServices
{
    /// <summary>Lists a verb on the command line (and in its <c>--help</c>).</summary>
    public static IServiceCollection AddVerb<TVerb>(this IServiceCollection services) where TVerb : class, IVerb =>
        services.AddSingleton<IVerb, TVerb>();
}
