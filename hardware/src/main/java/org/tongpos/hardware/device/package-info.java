/** Device addresses (configuration URIs), device status reporting and reconnect backoff, shared by every driver. */
package org.tongpos.hardware.device;
