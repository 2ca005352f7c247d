using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BzPeer.Explorer.Tests;

/// <summary>
/// The one bUnit setup every component test shares: MudBlazor's services and loose JS interop. Tests of components
/// that read RendererInfo set it themselves, after registering any services of their own (setting it starts the
/// service provider). Disposed asynchronously because MudBlazor's popover service is only IAsyncDisposable.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
