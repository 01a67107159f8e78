/** The elements of that namespace and local name under `parent`, in document order. */
export function elementsNS(parent: Document | Element, ns: string, name: string): Element[] {
  const list = parent.getElementsByTagNameNS(ns, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}
