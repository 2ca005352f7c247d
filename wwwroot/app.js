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
// shows the panel as it was left. It replaces the current entry, keeping the state object Blazor's router stores there.
window.bzGraph = {
    keepInAddress(name, value) {
        const url = new URL(location.href);
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
        if (url.href !== location.href) history.replaceState(history.state, '', url.href);
    },
};

// The graph canvas moves between nodes with the arrow keys (handled on the server): keep them from scrolling the page.
document.addEventListener('keydown', event => {
    if (event.key.startsWith('Arrow') && event.target instanceof Element && event.target.matches('[data-graph-canvas]')) event.preventDefault();
});
