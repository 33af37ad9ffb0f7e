package io.obconsole.backup;

import java.time.LocalDateTime;

/**
 * Which jobs a list shows; every field may be null (no filter).
 *
 * @param type   FULL or INC as OceanBase prints it
 * @param status INIT, DOING, COMPLETED, FAILED, CANCELING, CANCELED
 * @param since  jobs started at or after this cluster time
 */
public record JobFilter(String cluster, String tenant, String type, String status, LocalDateTime since) {
}
