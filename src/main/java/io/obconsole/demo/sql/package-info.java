/**
 * The contract between the demo cluster's MySQL wire protocol ({@code demo.wire}) and its
 * OceanBase behaviour ({@code demo.engine}): a session receives SQL text and answers with
 * results or an OceanBase-style error, exactly what a client sees over the protocol.
 */
package io.obconsole.demo.sql;
