// BzPeer Explorer: the account menu is a <details> element, so it opens without scripts (the account pages render
// statically). This closes it after a choice, on a click elsewhere, and on Escape.
document.addEventListener('click', event => {
    for (const menu of document.querySelectorAll('details.account-menu[open]')) {
        if (!menu.contains(event.target) || event.target.closest('a')) menu.removeAttribute('open');
    }
});
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return;
    for (const menu of document.querySelectorAll('details.account-menu[open]')) {
        menu.removeAttribute('open');
        menu.querySelector('summary')?.focus();
    }
});

// The research graph panel keeps its expansions in the page's address (?graph=…), so Back, a reload or a shared link
// shows the panel as it was left. It renders them in data-address-value (the parameter's name in data-keep-in-address);
// each change replaces the current entry's address, keeping the state object Blazor's router stores there.
new MutationObserver(records => {
    for (const { target: panel } of records) {
        const name = panel.getAttribute('data-keep-in-address');
        if (!name) continue;
        const value = panel.getAttribute('data-address-value');
        const url = new URL(location.href);
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
        if (url.href !== location.href) history.replaceState(history.state, '', url.href);
    }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-address-value'] });

// A details element's toggle, with whether it is now open (GraphNodeList renders its rows only while it is).
Blazor.registerCustomEventType('detailstoggle', {
    browserEventName: 'toggle',
    createEventArgs: event => ({ open: event.target.open }),
});

// A click in the graph's node layer (GraphNodesLayer): the node it landed on, and the click count (2: a double click,
// a double tap too). Pressing on a node and dragging pans the graph: the click that ends the drag names no node.
let graphPress = null;
document.addEventListener('pointerdown', event => {
    graphPress = { x: event.clientX, y: event.clientY };
    // A press on a gliding canvas ends the glide, so that a drag moves the graph from where it is going.
    const gliding = event.target instanceof Element ? event.target.closest('[data-gliding]') : null;
    if (gliding) endGlide(gliding);
}, true);
Blazor.registerCustomEventType('graphnodeclick', {
    browserEventName: 'click',
    createEventArgs: event => {
        const node = event.target instanceof Element ? event.target.closest('[data-node-id]') : null;
        const dragged = graphPress !== null && Math.hypot(event.clientX - graphPress.x, event.clientY - graphPress.y) > 6;
        const second = secondClickOn(event);
        return { nodeId: second ?? (node && !dragged ? node.getAttribute('data-node-id') : null), clicks: event.detail };
    },
});

// The first click (or tap) of a double one opens the node's preview. On a phone that makes the canvas shorter and moves
// the view (above), or covers it with the sheet, so the second tap can land beside the node, on another one or on the
// sheet: a second click close to the first, in time and place, is for the node the first was on.
let firstNodeClick = null;
document.addEventListener('click', event => {
    const node = event.target instanceof Element ? event.target.closest('.graph-nodes [data-node-id]') : null;
    if (event.detail === 1) {
        firstNodeClick = node ? { id: node.getAttribute('data-node-id'), x: event.clientX, y: event.clientY, at: event.timeStamp } : null;
        return;
    }
    const id = secondClickOn(event);
    if (!id || event.target.closest?.('.graph-nodes')) return; // the node layer's own event carries it to the server
    // Landed outside the drawing (the sheet): it expands the node, as the sheet's Expand button does, and nothing else.
    event.preventDefault();
    event.stopPropagation();
    document.querySelector(`[data-preview-node="${CSS.escape(id)}"] [data-action=expand]`)?.click();
}, true);
function secondClickOn(event) {
    const first = firstNodeClick;
    return event.detail === 2 && first && event.timeStamp - first.at < 600
        && Math.hypot(event.clientX - first.x, event.clientY - first.y) < 40 ? first.id : null;
}

// When the graph grows the server moves the view to the new nodes (GraphView.Reveal) and counts the move in the canvas's
// data-glide, in the render batch that sets the layers' new transform. Here the layers glide there from where they were,
// and the canvas is marked data-gliding meanwhile. In the browser rather than on the server, whose glide ended with a
// render batch of its own per expansion; animated from the old transform, as a CSS transition would not start when the
// new transform has been styled before the mark is set.
const glideMs = 400;
new MutationObserver(records => {
    const from = new Map();
    const moved = [];
    for (const record of records) {
        if (record.attributeName === 'data-glide') moved.push(record.target);
        else if (!from.has(record.target)) from.set(record.target, /transform:\s*([^;]+)/.exec(record.oldValue ?? '')?.[1]);
    }
    for (const canvas of moved) glide(canvas, from);
}).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-glide', 'style'] });

function glide(canvas, from) {
    endGlide(canvas);
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    canvas.bzGlides = [...canvas.querySelectorAll('.diagram-html-layer, .diagram-svg-layer')]
        .filter(layer => !still && from.get(layer) && from.get(layer) !== layer.style.transform)
        .map(layer => layer.animate([{ transform: from.get(layer) }, { transform: layer.style.transform }], { duration: glideMs, easing: 'ease-out' }));
    if (canvas.bzGlides.length === 0) return;
    canvas.setAttribute('data-gliding', '');
    const glides = canvas.bzGlides;
    Promise.all(glides.map(animation => animation.finished)).then(() => {
        if (canvas.bzGlides === glides) canvas.removeAttribute('data-gliding');
    }, () => { /* cancelled: endGlide has removed the mark */ });
}

// Ends a glide at once, where it was going.
function endGlide(canvas) {
    canvas.bzGlides?.forEach(animation => animation.cancel());
    canvas.bzGlides = [];
    canvas.removeAttribute('data-gliding');
}

// On narrow screens the preview is a sheet fixed over the bottom of the screen (graph.css). In the explorer, whose canvas
// runs to the bottom of the screen, --preview-sheet on the graph view is how much shorter the canvas must be to end
// where the sheet begins: the server then reveals the selected node and new nodes in what can be seen
// (GraphView.OnContainerChanged).
// On a profile, whose graph is a panel in the page, the page scrolls the panel up above the sheet.
const previewSheets = new ResizeObserver(entries => {
    for (const { target } of entries) sizeForSheet(target.closest('.graph-view'));
});
function sizeForSheet(view) {
    if (!view) return;
    const sheet = view.querySelector('.graph-preview');
    const height = sheet && getComputedStyle(sheet).position === 'fixed' ? sheet.getBoundingClientRect().height : 0;
    const canvas = view.querySelector('[data-graph-canvas]')?.getBoundingClientRect();
    const covered = height > 0 && canvas ? canvas.bottom - sheet.getBoundingClientRect().top : 0;
    if (view.classList.contains('full')) {
        // The canvas runs a little past the screen's bottom (graph.css sizes it by the screen): at most that and the
        // sheet's height, so that a canvas held at its least height does not make the next size larger still.
        const shorter = Math.round(Math.min((parseFloat(view.style.getPropertyValue('--preview-sheet')) || 0) + covered, height + 64));
        if (height > 0 && shorter > 0) view.style.setProperty('--preview-sheet', `${shorter}px`);
        else view.style.removeProperty('--preview-sheet');
        return;
    }
    if (height === 0) return;
    const bar = document.querySelector('.mud-appbar')?.getBoundingClientRect().bottom ?? 0;
    // As far as the sheet covers the canvas, without taking the canvas's top under the app bar.
    const by = Math.min(covered, canvas ? canvas.top - bar - 8 : 0);
    if (by > 0) window.scrollBy({ top: by, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
}
new MutationObserver(() => {
    for (const view of document.querySelectorAll('.graph-view')) {
        const sheet = view.querySelector('.graph-preview');
        if (sheet !== (view.bzSheet ?? null)) {
            if (view.bzSheet) previewSheets.unobserve(view.bzSheet);
            if (sheet) previewSheets.observe(sheet);
            view.bzSheet = sheet;
            sizeForSheet(view);
        }
    }
}).observe(document, { subtree: true, childList: true });

// The graph canvas moves between nodes with the arrow keys (handled on the server): keep them from scrolling the page.
document.addEventListener('keydown', event => {
    if (event.key.startsWith('Arrow') && event.target instanceof Element && event.target.matches('[data-graph-canvas]')) event.preventDefault();
});

// The app bar's search on a phone: a button opens the form over the app bar (SearchBox.razor.css) and puts the focus
// in it, in the same tap, so the phone brings up its keyboard. It closes with its close button, Escape, or when the
// focus leaves it (a tap elsewhere, or a suggestion chosen and the next page's heading focused).
window.bzSearch = {
    open(toggle) {
        const form = document.getElementById(toggle.getAttribute('aria-controls'));
        if (!form) return;
        form.setAttribute('data-open', '');
        toggle.setAttribute('aria-expanded', 'true');
        form.querySelector('input[type=search]')?.focus();
    },
    // Every open search closes: a suggestion was chosen, and the next page may not take the focus from it (its heading
    // can come after its data).
    closeAll() {
        document.querySelectorAll('form[data-open]').forEach(form => bzSearch.close(form, false));
    },
    close(form, returnFocus) {
        form.removeAttribute('data-open');
        const toggle = document.querySelector(`[data-search-toggle][aria-controls='${form.id}']`);
        toggle?.setAttribute('aria-expanded', 'false');
        if (returnFocus) toggle?.focus();
    },
};
// After a page change its heading takes the focus (FocusHeadingOnNavigate), as Blazor's FocusOnNavigate does, unless
// the person has opened the search since: its box would lose the focus, and the search would close under their tap.
window.bzFocus = {
    heading(selector) {
        if (document.activeElement?.closest('form[data-open]')) return;
        const heading = document.querySelector(selector);
        if (!heading) return;
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
    },
};
document.addEventListener('click', event => {
    if (!(event.target instanceof Element)) return;
    const toggle = event.target.closest('[data-search-toggle]');
    if (toggle) bzSearch.open(toggle);
    const close = event.target.closest('[data-search-close]');
    if (close) bzSearch.close(close.closest('form'), true);
});
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
    const form = event.target.closest('form[data-open]');
    if (form) bzSearch.close(form, true);
});
document.addEventListener('focusout', event => {
    if (!(event.target instanceof Element)) return;
    const form = event.target.closest('form[data-open]');
    if (form && !form.contains(event.relatedTarget)) bzSearch.close(form, false);
});
