import type { ReactNode } from 'react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { NavItem } from './navigation.ts';

export interface MenuGroup {
  /** Shown above the group's items, and names it for a screen reader; none for a lone group. */
  heading?: ReactNode;
  items: readonly NavItem[];
}

/** One action at the end of a menu, such as signing out. */
export interface MenuAction {
  name: string;
  onAction: () => void;
}

interface Props {
  /** What the button shows; its text is its accessible name. */
  trigger: ReactNode;
  triggerClassName: string;
  groups: readonly MenuGroup[];
  action?: MenuAction;
  /** The page shown is one of the menu's: the button says so (aria-current is for links, so in words too). */
  current?: boolean;
}

const itemClasses = 'block px-4 py-2 text-slate-900 no-underline outline-none hover:text-slate-900 data-[focused]:bg-slate-100 cursor-default';

/**
 * A header menu (React Aria): arrow keys move through it, type-to-select, Escape closes it and
 * returns focus to its button. Its links navigate inside the app (RouterProvider in the shell).
 */
export function HeaderMenu({ trigger, triggerClassName, groups, action, current = false }: Props) {
  return (
    <MenuTrigger>
      <Button className={triggerClassName} data-current={current || undefined}>
        {trigger}
        {current && <span className="sr-only"> (current page is in this menu)</span>}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </Button>
      <Popover placement="bottom end" offset={4} className="min-w-56 max-w-[calc(100vw-1rem)] overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg">
        <Menu className="outline-none">
          {groups.map((group, index) => (
            <MenuSection key={index} className={index > 0 ? 'border-t border-slate-200 pt-1' : ''}>
              {group.heading && <Header className="px-4 py-2 text-sm text-slate-700">{group.heading}</Header>}
              {group.items.map((item) => (
                <MenuItem key={`${item.group}:${item.to}`} id={`${item.group}:${item.to}`} href={item.to} textValue={item.name} className={itemClasses}>
                  {item.label ?? item.name}
                </MenuItem>
              ))}
            </MenuSection>
          ))}
          {action && (
            <>
              <Separator className="my-1 border-t border-slate-200" />
              <MenuItem id="action" textValue={action.name} onAction={action.onAction} className={`${itemClasses} font-semibold`}>
                {action.name}
              </MenuItem>
            </>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
