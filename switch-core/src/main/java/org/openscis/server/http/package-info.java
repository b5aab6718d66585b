/**
 * The Netty HTTP/1.1 front door: pipeline assembly, HTTP-level rules (decisions.md §2: paths, methods, content type,
 * size limits), hand-off to worker threads and signed responses. Each handler does one thing.
 */
package org.openscis.server.http;
