/**
 * Reads a JUnit file with an XML parser that is not ours (Python's xml.etree.ElementTree, a
 * conforming XML 1.0 parser that refuses malformed documents), and returns its elements as plain
 * objects, so a test checks what a CI's JUnit reader would see, not what our writer meant.
 */
import { execFileSync } from 'node:child_process'

export interface XmlElement {
  tag: string
  attributes: Record<string, string>
  text: string
  children: XmlElement[]
}

const PARSE = `
import json, sys
import xml.etree.ElementTree as ET
def walk(e):
    return {"tag": e.tag, "attributes": dict(e.attrib), "text": e.text or "", "children": [walk(c) for c in e]}
print(json.dumps(walk(ET.parse(sys.argv[1]).getroot())))
`

/** Throws (with the parser's message) when the file is not well-formed XML. */
export function parseXmlFile(file: string): XmlElement {
  return JSON.parse(
    execFileSync('python3', ['-c', PARSE, file], { encoding: 'utf8', stdio: 'pipe' })
  ) as XmlElement
}

export function childrenNamed(element: XmlElement, tag: string): XmlElement[] {
  return element.children.filter(child => child.tag === tag)
}
