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
