package org.customsbridge.config;

import java.sql.DatabaseMetaData;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Several bundle instances on one ledger ({@code customs.cluster.enabled=true}): Spring Boot's Quartz
 * scheduler keeps its schedules in the ledger database as a Quartz cluster, so that each firing of
 * tracking, the status sinks, retransmissions and the daily report runs on one node only, and a
 * firing a dead node had taken is run again by another. Single node (the default): in memory.
 * <p>
 * Declarations themselves need nothing here: they are claimed in the ledger (Claims, NodeHeartbeat),
 * and JMS intake shares the queue as competing consumers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "customs.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    /**
     * The JDBC job store on the ledger's DataSource and transactions (the tables: V5__quartz.sql, so
     * spring.quartz.jdbc.initialize-schema stays off). Boot's spring.quartz.properties.* are kept and
     * win over the cluster settings set here.
     */
    @Bean
    SchedulerFactoryBeanCustomizer clusteredScheduler(DataSource dataSource, PlatformTransactionManager transactions,
                                                      QuartzProperties quartz) {
        return scheduler -> {
            scheduler.setDataSource(dataSource);
            scheduler.setTransactionManager(transactions);
            Properties properties = new Properties();
            properties.put("org.quartz.jobStore.isClustered", "true");
            // one id per running instance, so that the cluster can tell a dead one from the living
            properties.put("org.quartz.scheduler.instanceId", "AUTO");
            properties.put("org.quartz.jobStore.driverDelegateClass", delegateFor(dataSource));
            properties.putAll(quartz.getProperties());
            scheduler.setQuartzProperties(properties);
        };
    }

    /**
     * Written by hand because neither Quartz nor Spring's LocalDataSourceJobStore detects the
     * database: PostgreSQL keeps job data in BYTEA, which only its own delegate reads.
     */
    static String delegateFor(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product) ? PostgreSQLDelegate.class.getName()
                    : StdJDBCDelegate.class.getName();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("customs.cluster.enabled: cannot read the ledger database's type", e);
        }
    }
}
