using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BzPeer.Explorer.Components.Layout;

/// <summary>
/// The theme's style sheets exactly as <see cref="MudThemeProvider"/> writes them, written once. The theme never changes
/// and the provider is only rendered statically (App.razor), where it built the same 13 KB of CSS for every page and,
/// as each request ended, failed four times to reach a browser to stop watching for a dark mode: a sixth of a
/// profile page's allocations, and CPU the server needs under load.
/// </summary>
public sealed class ThemeStyles(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> _html = new(() => RenderAsync(scopes, loggers));

    public Task<MarkupString> HtmlAsync() => _html.Value;

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var provider = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(
                new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = ExplorerTheme.Create() }));
            return provider.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
