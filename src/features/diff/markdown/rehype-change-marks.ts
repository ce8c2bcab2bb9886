import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { deleteEnd, deleteStart, insertEnd, insertStart } from './change-marks.ts';

type State = 'equal' | 'insert' | 'delete';

const insertClass = ['rounded-sm', 'bg-green-100', 'text-green-950', 'underline', 'decoration-green-700', 'underline-offset-2'];
const deleteClass = ['rounded-sm', 'bg-red-100', 'text-red-950', 'line-through', 'decoration-red-700'];

function wrap(state: State, value: string): ElementContent {
  const text: Text = { type: 'text', value };
  if (state === 'equal') return text;
  const tagName = state === 'insert' ? 'ins' : 'del';
  return { type: 'element', tagName, properties: { className: state === 'insert' ? insertClass : deleteClass }, children: [text] };
}

/**
 * Turns the runs fenced by change marks into <ins> and <del>, walking the text in reading
 * order with one state, so a run may open in one element and close in another (each text
 * node of it is wrapped on its own). A block whose text is all one change (a whole row,
 * a whole paragraph) also gets `data-change` on its element, for a margin bar.
 */
export function rehypeChangeMarks() {
  return (tree: Root): void => {
    let state: State = 'equal';
    const visit = (node: Root | Element): void => {
      const children: (RootContent | ElementContent)[] = [];
      for (const child of node.children) {
        if (child.type === 'text') {
          let run = '';
          for (const character of child.value) {
            const nextState = character === insertStart ? 'insert' : character === deleteStart ? 'delete' : character === insertEnd || character === deleteEnd ? 'equal' : null;
            if (nextState === null) {
              run += character;
              continue;
            }
            if (run) children.push(wrap(state, run));
            run = '';
            state = nextState;
          }
          if (run) children.push(wrap(state, run));
          continue;
        }
        if (child.type === 'element') visit(child);
        children.push(child);
      }
      node.children = children;
      if (node.type === 'element') markWhole(node);
    };
    visit(tree);
  };
}

const blockTags = new Set(['p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);

/** Whether every non-blank text under `node` is inside an <ins> (or a <del>). */
function wholeChange(node: Element | ElementContent, tag: 'ins' | 'del'): boolean | null {
  if (node.type === 'text') return node.value.trim() === '' ? null : false;
  if (node.type !== 'element') return null;
  if (node.tagName === tag) return true;
  let result: boolean | null = null;
  for (const child of node.children) {
    const part = wholeChange(child, tag);
    if (part === false) return false;
    if (part === true) result = true;
  }
  return result;
}

function markWhole(node: Element): void {
  if (!blockTags.has(node.tagName)) return;
  if (wholeChange(node, 'ins') === true) node.properties.dataChange = 'added';
  else if (wholeChange(node, 'del') === true) node.properties.dataChange = 'removed';
}
