// Package openapi checks the service's OpenAPI document with a real
// OpenAPI 3.1 validator (pb33f/libopenapi-validator), outside the
// library's module so that the library does not depend on it: the
// document is a valid OpenAPI 3.1 document, and every example response in
// it, and the handler's live answer to every example request, validates
// against the document.
package openapi
