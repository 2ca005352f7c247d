// BzPeer Explorer: pinch zoom on the explorer's canvas. Blazor.Diagrams 3 pans with one pointer (a finger too, as the
// canvas sets touch-action: none) but has no pinch: a second finger makes its pan jump between the two. While two
// fingers are down this keeps their pointer events from the library and turns the change in their distance into the
// library's own wheel zoom steps (one step per zoom factor), centred between the fingers, so zoom limits, the view and
// the label placement that follows a zoom all stay the library's and the server's.
(() => {
    const stepFactor = 1.05; // Blazor.Diagrams' default Zoom.ScaleFactor: one wheel event zooms by this much.
    const touches = new Map(); // pointerId -> { x, y } of the fingers on a canvas
    let pinch = null; // { canvas, distance } while two fingers are down; distance = the spacing of the last step

    const canvasOf = target => target instanceof Element ? target.closest('[data-touch-zoom] .diagram-canvas') : null;
    const spacing = () => {
        const [a, b] = [...touches.values()];
        return Math.hypot(a.x - b.x, a.y - b.y);
    };
    const middle = () => {
        const [a, b] = [...touches.values()];
        return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    };

    // Capture phase on the document: before Blazor's own listeners see the event.
    document.addEventListener('pointerdown', event => {
        if (event.pointerType !== 'touch') return;
        const canvas = canvasOf(event.target);
        if (!canvas) return;
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (touches.size === 2) {
            pinch = { canvas, distance: spacing() };
            event.stopPropagation();
        } else if (touches.size > 2 || pinch) {
            event.stopPropagation();
        }
    }, true);

    document.addEventListener('pointermove', event => {
        if (!touches.has(event.pointerId)) return;
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (!pinch) return;
        event.stopPropagation();
        if (touches.size !== 2) return;
        const now = spacing();
        const at = middle();
        // As many whole zoom steps as the fingers' spread has changed since the last one.
        while (now / pinch.distance >= stepFactor || pinch.distance / now >= stepFactor) {
            const zoomIn = now > pinch.distance;
            pinch.distance = zoomIn ? pinch.distance * stepFactor : pinch.distance / stepFactor;
            pinch.canvas.dispatchEvent(new WheelEvent('wheel', {
                bubbles: true, cancelable: true, clientX: at.x, clientY: at.y, deltaY: zoomIn ? 1 : -1,
            }));
        }
    }, true);

    const lift = event => {
        if (!touches.delete(event.pointerId)) return;
        // Once a pinch began, the finger left behind does not pan until it too is lifted: the pan would jump.
        if (touches.size === 0) pinch = null;
    };
    document.addEventListener('pointerup', lift, true);
    document.addEventListener('pointercancel', lift, true);
})();
