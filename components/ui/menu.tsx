"use client";
// An accessible popup menu: anchored to its trigger (and following it when the page scrolls under
// it), rendered in a portal (so virtualised or clipped parents don't cut it), arrow keys / Home /
// End move, Escape, Tab, and a click or the wheel elsewhere close. A MenuRow (the quick reactions)
// is one stop for Up / Down, walked along with Left / Right.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";

const MenuCloseContext = createContext<(restoreFocus: boolean) => void>(() => {});

/** Closes the enclosing menu (for custom items, e.g. a row of emoji buttons with role="menuitem"). */
export function useMenuClose(): (restoreFocus: boolean) => void {
  return useContext(MenuCloseContext);
}

type MenuProps = {
  open: boolean;
  onClose: () => void;
  anchor: HTMLElement | null;
  label: string;
  align?: "start" | "end";
  children: ReactNode;
  className?: string;
  testId?: string;
};

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemradio"],[role="menuitemcheckbox"]';
const ROW_SELECTOR = "[data-menu-row]";

/** The enabled items in order, those of one MenuRow together: the stops of Up / Down. */
function stopsOf(menu: HTMLElement): HTMLElement[][] {
  const stops: HTMLElement[][] = [];
  let lastRow: Element | null = null;
  for (const item of menu.querySelectorAll<HTMLElement>(`${ITEM_SELECTOR}:not([disabled])`)) {
    const row = item.closest(ROW_SELECTOR);
    if (row && row === lastRow) stops.at(-1)!.push(item);
    else stops.push([item]);
    lastRow = row;
  }
  return stops;
}

/** Below its trigger (above when there is no room below), inside the window. */
function placement(anchor: HTMLElement, menu: HTMLElement, align: "start" | "end"): { top: number; left: number } {
  const a = anchor.getBoundingClientRect();
  const m = menu.getBoundingClientRect();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  let top = a.bottom + 4;
  if (top + m.height > vh - 8 && a.top - m.height - 4 > 8) top = a.top - m.height - 4;
  top = Math.max(8, Math.min(top, vh - m.height - 8));
  let left = align === "end" ? a.right - m.width : a.left;
  left = Math.max(8, Math.min(left, vw - m.width - 8));
  return { top, left };
}

/** Whether some of the trigger still shows in what scrolled (an element, or the page). */
function shownIn(anchor: HTMLElement, scroller: Node): boolean {
  if (!anchor.isConnected) return false;
  const a = anchor.getBoundingClientRect();
  const box = scroller instanceof Element ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  return a.bottom > box.top && a.top < box.bottom;
}

export function Menu(props: MenuProps) {
  if (!props.open || typeof document === "undefined") return null;
  // Mounted only while open: placement state starts fresh every time.
  return <MenuPopup {...props} />;
}

function MenuPopup({ open, onClose, anchor, label, align = "end", children, className = "", testId }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);

  const close = useCallback(
    (restoreFocus: boolean) => {
      onClose();
      if (restoreFocus) anchor?.focus();
    },
    [onClose, anchor],
  );

  useLayoutEffect(() => {
    if (!open || !anchor || !ref.current) return;
    setPos(placement(anchor, ref.current, align));
  }, [open, anchor, align]);

  // Focus the first item once the menu is placed (it is invisible, so unfocusable, before).
  const placed = pos !== null;
  useEffect(() => {
    if (!open || !placed) return;
    ref.current?.querySelector<HTMLElement>(`${ITEM_SELECTOR}:not([disabled])`)?.focus();
  }, [open, placed]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !ref.current?.contains(e.target as Node)) {
        e.preventDefault();
        close(true);
      }
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (ref.current?.contains(t) || anchor?.contains(t)) return;
      close(false);
    };
    // Scrolling away closes it, as a click elsewhere does.
    const onWheel = (e: WheelEvent) => {
      if (!ref.current?.contains(e.target as Node)) close(false);
    };
    // A scroll the app makes (the chat's log following a new message, the chat list keeping its
    // place as other chats move up) must not take the menu, and the keyboard, from the user: the
    // menu moves with its trigger, and goes only when the trigger is scrolled out of sight, giving
    // focus back to it rather than dropping it on the page.
    const onScroll = (e: Event) => {
      const menu = ref.current;
      const scroller = e.target as Node;
      if (!menu || !anchor || menu.contains(scroller)) return;
      if (anchor.isConnected && !scroller.contains(anchor)) return;
      if (shownIn(anchor, scroller)) {
        setPos(placement(anchor, menu, align));
        return;
      }
      const hadFocus = menu.contains(document.activeElement);
      onClose();
      if (hadFocus && anchor.isConnected) anchor.focus({ preventScroll: true });
    };
    const onResize = () => close(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("wheel", onWheel, { capture: true, passive: true });
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onResize);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("wheel", onWheel, { capture: true });
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onResize);
    };
  }, [open, anchor, align, close, onClose]);

  // Coming back up into a row lands where the keyboard left it, as in a toolbar.
  const lastInRow = useRef(new WeakMap<Element, HTMLElement>());
  const onFocus = (e: React.FocusEvent) => {
    const row = (e.target as HTMLElement).closest(ROW_SELECTOR);
    if (row) lastInRow.current.set(row, e.target as HTMLElement);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!ref.current) return;
    const stops = stopsOf(ref.current);
    const active = document.activeElement as HTMLElement;
    const at = stops.findIndex((stop) => stop.includes(active));
    const row = at >= 0 && active.closest(ROW_SELECTOR) ? stops[at]! : null;
    const enter = (i: number) => {
      const stop = stops[(i + stops.length) % stops.length];
      if (!stop) return;
      const remembered = lastInRow.current.get(stop[0]!.closest(ROW_SELECTOR)!);
      (remembered && stop.includes(remembered) ? remembered : stop[0])?.focus();
    };
    const along = (step: number) => {
      if (!row) return;
      const rtl = getComputedStyle(ref.current!).direction === "rtl";
      row[(row.indexOf(active) + (rtl ? -step : step) + row.length) % row.length]?.focus();
    };
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        enter(at + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        enter(at < 0 ? stops.length - 1 : at - 1);
        break;
      case "ArrowRight":
        e.preventDefault();
        along(1);
        break;
      case "ArrowLeft":
        e.preventDefault();
        along(-1);
        break;
      // Within a row, its ends; elsewhere, the menu's.
      case "Home":
        e.preventDefault();
        (row ?? stops[0])?.[0]?.focus();
        break;
      case "End":
        e.preventDefault();
        (row ?? stops.at(-1))?.at(-1)?.focus();
        break;
      case "Escape":
        e.preventDefault();
        e.stopPropagation();
        close(true);
        break;
      case "Tab":
        e.preventDefault();
        close(true);
        break;
    }
  };

  return createPortal(
    <MenuCloseContext.Provider value={close}>
      <div
        ref={ref}
        role="menu"
        aria-label={label}
        data-testid={testId}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        className={`fixed z-50 min-w-[200px] rounded-lg bg-panel py-2 text-fg shadow-[0_2px_5px_rgba(11,20,26,.26),0_2px_10px_rgba(11,20,26,.16)] ring-1 ring-border dark:bg-panel-2 ${className}`}
        style={{ top: pos?.top ?? -9999, left: pos?.left ?? -9999, visibility: pos ? "visible" : "hidden" }}
      >
        {children}
      </div>
    </MenuCloseContext.Provider>,
    document.body,
  );
}

type ItemProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  icon?: ReactNode;
  danger?: boolean;
  checked?: boolean;
  /** Keep the menu open after activation (rare). */
  keepOpen?: boolean;
};

export function MenuItem({ icon, danger, checked, keepOpen, children, onClick, className = "", type = "button", ...rest }: ItemProps) {
  const close = useContext(MenuCloseContext);
  const role = checked === undefined ? "menuitem" : "menuitemradio";
  return (
    <button
      type={type}
      role={role}
      aria-checked={checked}
      tabIndex={-1}
      className={`flex w-full items-center gap-3 px-5 py-2.5 text-left text-[14.5px] outline-none hover:bg-hover focus-visible:bg-hover focus-visible:outline-none dark:hover:bg-active dark:focus-visible:bg-active ${danger ? "text-danger" : ""} ${className}`}
      onClick={(e) => {
        onClick?.(e);
        if (keepOpen) return;
        // A submit button's form must still be in the document when the browser submits it.
        if (type === "submit") setTimeout(() => close(false), 0);
        else close(true);
      }}
      {...rest}
    >
      {icon && <span className="shrink-0 text-muted">{icon}</span>}
      <span className="flex-1">{children}</span>
      {checked && (
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" className="text-accent">
          <path d="M5 12.5 10 17 19 7" stroke="currentColor" strokeWidth="2.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      )}
    </button>
  );
}

/** Items side by side in the menu (the quick reactions): Left / Right move along, Up / Down leave. */
export function MenuRow({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} data-menu-row="" className={className}>
      {children}
    </div>
  );
}
