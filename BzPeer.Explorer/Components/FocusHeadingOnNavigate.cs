using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace BzPeer.Explorer.Components;

/// <summary>
/// Blazor's <see cref="FocusOnNavigate"/>, except that on an interactive page it leaves the focus in the app bar's search
/// when the person has opened it since the page changed: the heading's focus comes a round trip after the address, and
/// a search that loses its focus closes (app.js), under the person's tap. Statically rendered pages keep Blazor's own.
/// </summary>
public sealed class FocusHeadingOnNavigate : ComponentBase
{
    private Type? _lastPageType;
    private bool _focusAfterRender;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public RouteData RouteData { get; set; } = default!;

    [Parameter, EditorRequired] public string Selector { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (RouteData.PageType == _lastPageType) return;
        _lastPageType = RouteData.PageType;
        _focusAfterRender = true;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (RendererInfo.IsInteractive) return;
        builder.OpenComponent<FocusOnNavigate>(0);
        builder.AddComponentParameter(1, nameof(FocusOnNavigate.RouteData), RouteData);
        builder.AddComponentParameter(2, nameof(FocusOnNavigate.Selector), Selector);
        builder.CloseComponent();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusAfterRender || !RendererInfo.IsInteractive) return;
        _focusAfterRender = false;
        try
        {
            await JS.InvokeVoidAsync("bzFocus.heading", Selector);
        }
        catch (JSDisconnectedException)
        {
            // The page was closed meanwhile: there is nothing left to focus.
        }
    }
}
